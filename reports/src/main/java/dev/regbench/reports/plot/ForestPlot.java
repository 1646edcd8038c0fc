package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Comparison;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The headline in one picture: per regularizer, its difference to {@code none} in test performance (paired by
 * seed) with the unadjusted 95 % interval, and the zero line; below zero is better. One point per arm, arms side
 * by side (a forest plot stood upright).
 */
public final class ForestPlot {
    private ForestPlot() {
    }

    /**
     * @param section   a report section
     * @param condition one of its data conditions
     * @param id        figure id
     * @return the figure, or empty if no regularizer has a comparison with none
     */
    public static Optional<Figure> draw(Section section, Condition condition, String id) {
        Metric perf = Metric.testPerformance(section.task());
        boolean cls = section.task() == TaskType.CLASSIFICATION;
        List<RegularizerStats> arms = condition.headline().stream()
                .filter(r -> r.comparison(perf).filter(c -> !Double.isNaN(c.difference())).isPresent()).toList();
        if (arms.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                .title("Δ " + (cls ? "test error" : "test MSE") + " vs none").xAxisTitle("regularizer")
                .yAxisTitle(cls ? "Δ test error (pp)" : "Δ test MSE").build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(arms.size() + 0.5);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
                ChartExport.categories(arms.stream().map(RegularizerStats::name).toList()));
        XYSeries zero = chart.addSeries("zero", new double[] {0.5, arms.size() + 0.5}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(java.awt.Color.GRAY);
        for (int i = 0; i < arms.size(); i++) {
            RegularizerStats r = arms.get(i);
            Comparison c = r.comparison(perf).orElseThrow();
            double half = Double.isNaN(c.ciLow()) ? 0 : (c.ciHigh() - c.ciLow()) / 2;
            List<Double> x = new ArrayList<>(List.of(i + 1.0));
            XYSeries s = chart.addSeries(r.name(), x, List.of(c.difference()), List.of(half));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Colors.of(section, r));
            s.setLineStyle(new java.awt.BasicStroke(0f));
        }
        String caption = "Regularizer − none on the evaluation seeds, paired by seed: mean difference (dot) and its "
                + "unadjusted 95 % confidence interval (whiskers); below the grey zero line the regularizer is better. "
                + "Significance is judged on the Holm-adjusted p-values of the table above, not on whether a whisker "
                + "crosses zero.";
        return Optional.of(ChartExport.figure(id, LearningCurves.title(section, condition,
                "difference to no regularization"), caption, List.of(chart), 1));
    }
}
