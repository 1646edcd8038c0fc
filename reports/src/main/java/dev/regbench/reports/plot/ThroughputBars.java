package dev.regbench.reports.plot;

import dev.regbench.reports.input.ThroughputMeasurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/** Training throughput per regularizer from JMH (examples per second, with JMH's 99.9 % error bars). */
public final class ThroughputBars {
    private ThroughputBars() {
    }

    /**
     * @param measurements JMH results
     * @param id           figure id
     * @return one panel per (benchmark, task, batch size, backend, other JMH parameters such as the
     *         implementation) with examples/s, or empty if there are none
     */
    public static Optional<Figure> draw(List<ThroughputMeasurement> measurements, String id) {
        Map<String, List<ThroughputMeasurement>> panels = new LinkedHashMap<>();
        for (ThroughputMeasurement m : measurements) {
            if (!Double.isNaN(m.examplesPerSecond()) && !m.regularizer().equals("-")) {
                String variant = m.otherParamValues();
                String key = m.benchmark() + " · " + m.task() + " · batch " + m.batchSize()
                        + (m.backend().equals("-") ? "" : " · " + m.backend())
                        + (variant.isEmpty() ? "" : " · " + variant);
                panels.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        List<CategoryChart> charts = new ArrayList<>();
        for (var panel : panels.entrySet()) {
            CategoryChart chart = new CategoryChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                    .title(panel.getKey()).xAxisTitle("regularizer").yAxisTitle("examples / s").build();
            ChartExport.style(chart.getStyler());
            chart.getStyler().setOverlapped(true);
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
            chart.getStyler().setYAxisDecimalPattern("#,##0");
            List<String> names = panel.getValue().stream().map(ThroughputMeasurement::regularizer).toList();
            int extra = 0;
            for (ThroughputMeasurement m : panel.getValue()) {
                List<Double> y = new ArrayList<>();
                List<Double> e = new ArrayList<>();
                double factor = m.score() == 0 ? 0 : m.examplesPerSecond() / m.score();
                for (String n : names) {
                    boolean mine = n.equals(m.regularizer());
                    y.add(mine ? m.examplesPerSecond() : 0.0);
                    double whisker = m.error() * factor; // NaN without an error; overflows for absurd scores
                    e.add(mine && Double.isFinite(whisker) ? whisker : 0.0);
                }
                CategorySeries s = chart.addSeries(m.regularizer(), names, y, e);
                s.setFillColor(Palette.of(m.regularizer(), extra++));
            }
            charts.add(chart);
        }
        String caption = "JMH throughput of one training step (fit on one in-memory batch) per regularizer, in "
                + "training examples per second; whiskers: JMH's 99.9 % confidence interval.";
        return Optional.of(ChartExport.figure(id, "Training throughput (JMH)", caption, charts, 2));
    }
}
