package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Test performance first, then the generalization gap, per regularizer of the headline runs: bars (mean) with 95 %
 * CI whiskers.
 */
public final class GapBars {
    private GapBars() {
    }

    /**
     * @param section   a report section
     * @param condition one of its training-set sizes
     * @param id        figure id
     * @return the figure, or empty if nothing completed
     */
    public static Optional<Figure> draw(Section section, Condition condition, String id) {
        if (condition.headline().stream().allMatch(r -> r.completed().isEmpty())) {
            return Optional.empty();
        }
        boolean classification = section.task() == TaskType.CLASSIFICATION;
        Metric performance = Metric.testPerformance(section.task());
        List<CategoryChart> charts = List.of(
                chart(section, condition, performance, classification ? "test error" : "test MSE",
                        classification ? "test error (%)" : "MSE"),
                chart(section, condition, Metric.LOSS_GAP, "loss gap: test − train",
                        classification ? "cross-entropy (nats)" : "MSE"));
        String caption = "At each run's reported epoch (" + section.policy().describe().replace("validation loss at the "
                + "final epoch", "the final epoch") + "). Bars: mean over completed seeds; whiskers: 95 % confidence "
                + "interval of the mean (Student t; none with one seed). Diverged runs are excluded and listed in the "
                + "tables. A smaller gap is only an improvement if test performance improves with it.";
        return Optional.of(ChartExport.figure(id, LearningCurves.title(section, condition,
                "test performance and generalization gap"), caption, charts, 2));
    }

    private static CategoryChart chart(Section section, Condition condition, Metric metric, String title, String unit) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                .title(title).xAxisTitle("regularizer").yAxisTitle(unit).build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> names = new ArrayList<>();
        for (RegularizerStats r : condition.headline()) {
            names.add(r.name());
        }
        for (RegularizerStats r : condition.headline()) {
            Summary s = r.summary(metric);
            if (s.n() == 0) {
                continue;
            }
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String name : names) {
                boolean mine = name.equals(r.name());
                y.add(mine ? s.mean() : 0.0);
                err.add(mine && !Double.isNaN(s.ciHalfWidth()) ? s.ciHalfWidth() : 0.0);
            }
            CategorySeries series = Double.isNaN(s.ciHalfWidth()) ? chart.addSeries(r.name(), names, y)
                    : chart.addSeries(r.name(), names, y, err);
            series.setFillColor(Colors.of(section, r));
        }
        return chart;
    }
}
