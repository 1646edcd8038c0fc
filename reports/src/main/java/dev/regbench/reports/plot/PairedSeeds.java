package dev.regbench.reports.plot;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What the means hide: every evaluation seed's test performance, {@code none} beside each regularizer, one line per
 * seed joining the two runs that share it (the pairing the paired tests use). Lines that fall from left to right
 * are seeds on which the regularizer did better. Arms side by side: for arm i (from 1), {@code none} at i − ¼, the arm
 * at i + ¼.
 */
public final class PairedSeeds {
    private PairedSeeds() {
    }

    /**
     * @param section   a report section
     * @param condition one of its data conditions
     * @param id        figure id
     * @return the figure, or empty without a baseline or a regularizer sharing seeds with it
     */
    public static Optional<Figure> draw(Section section, Condition condition, String id) {
        Metric perf = Metric.testPerformance(section.task());
        Optional<RegularizerStats> baseline = condition.headline().stream().filter(RegularizerStats::isBaseline)
                .findFirst();
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Double> none = perSeed(baseline.get(), perf);
        List<RegularizerStats> arms = condition.headline().stream().filter(r -> !r.isBaseline())
                .filter(r -> perSeed(r, perf).keySet().stream().anyMatch(none::containsKey)).toList();
        if (arms.isEmpty()) {
            return Optional.empty();
        }
        boolean cls = section.task() == TaskType.CLASSIFICATION;
        XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                .title((cls ? "test error" : "test MSE") + " per evaluation seed: none → regularizer")
                .xAxisTitle("regularizer (each line one seed)").yAxisTitle(cls ? "test error (%)" : "test MSE").build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(arms.size() + 0.5);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
                ChartExport.categories(arms.stream().map(r -> "none → " + r.name()).toList()));
        for (int i = 0; i < arms.size(); i++) {
            RegularizerStats r = arms.get(i);
            java.awt.Color color = Colors.of(section, r);
            for (Map.Entry<Long, Double> e : perSeed(r, perf).entrySet()) {
                Double before = none.get(e.getKey());
                if (before == null) {
                    continue;
                }
                XYSeries s = chart.addSeries(r.name() + " seed " + e.getKey(), new double[] {i + 0.75, i + 1.25},
                        new double[] {before, e.getValue()});
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(color);
                s.setLineColor(e.getValue() < before ? color : java.awt.Color.GRAY);
                s.setLineStyle(new java.awt.BasicStroke(1f));
            }
        }
        String caption = "Each evaluation seed's test " + (cls ? "error" : "MSE") + ": none (left of each pair) and "
                + "the regularizer (right), joined by a line per seed — the pairs the paired tests compare. Coloured "
                + "lines fall (the regularizer did better on that seed), grey lines rise or stay.";
        return Optional.of(ChartExport.figure(id, LearningCurves.title(section, condition, "per-seed pairs"), caption,
                List.of(chart), 1));
    }

    private static Map<Long, Double> perSeed(RegularizerStats r, Metric metric) {
        Map<Long, Double> values = new TreeMap<>();
        for (RunResult run : r.completed()) {
            Double v = metric.of(run);
            if (v != null && Double.isFinite(v)) {
                values.put(run.seed(), v);
            }
        }
        return values;
    }
}
