package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.DatasetReport;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/** Final generalization gap and test performance per regularizer: bars (mean) with 95 % CI whiskers. */
public final class GapBars {
    private GapBars() {
    }

    /**
     * @param section a report section
     * @param id      figure id
     * @return the figure, or empty if nothing completed
     */
    public static Optional<Figure> draw(DatasetReport section, String id) {
        if (section.regularizers().stream().allMatch(r -> r.completed().isEmpty())) {
            return Optional.empty();
        }
        Metric performance = Metric.testPerformance(section.task());
        List<CategoryChart> charts = List.of(
                chart(section, Metric.LOSS_GAP, "loss gap: test − train",
                        section.task() == TaskType.CLASSIFICATION ? "cross-entropy (nats)" : "MSE"),
                chart(section, performance, performance == Metric.TEST_ERROR ? "test error" : "test MSE",
                        performance == Metric.TEST_ERROR ? "test error (%)" : "MSE"));
        String caption = "After the last epoch. Bars: mean over completed seeds; whiskers: 95 % confidence interval "
                + "of the mean (Student t; none with one seed). Diverged runs are excluded and listed in the tables.";
        return Optional.of(ChartExport.figure(id, section.source().label() + ": generalization gap", caption, charts, 2));
    }

    private static CategoryChart chart(DatasetReport section, Metric metric, String title, String unit) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                .title(title).xAxisTitle("regularizer").yAxisTitle(unit).build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> names = new ArrayList<>();
        for (RegularizerStats r : section.regularizers()) {
            names.add(r.name());
        }
        for (RegularizerStats r : section.regularizers()) {
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
