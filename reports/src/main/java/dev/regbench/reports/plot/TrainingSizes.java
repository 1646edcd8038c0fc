package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Test performance and generalization gap against the training-set size (log axis), one line per regularizer,
 * from the headline runs of each size: how much regularization matters as data grows.
 */
public final class TrainingSizes {
    private TrainingSizes() {
    }

    /**
     * @param section a report section
     * @param id      figure id
     * @return the figure, or empty if the section has fewer than two training-set sizes with headline runs on the
     *         true labels (label-noise conditions have their own figure, {@link MemorizationCurves})
     */
    public static Optional<Figure> draw(Section section, String id) {
        List<Condition> sizes = section.conditions().stream().filter(c -> c.labelNoise() == 0)
                .filter(c -> c.headline().stream().anyMatch(r -> !r.completed().isEmpty())).toList();
        if (sizes.size() < 2) {
            return Optional.empty();
        }
        boolean classification = section.task() == TaskType.CLASSIFICATION;
        Metric performance = Metric.testPerformance(section.task());
        List<XYChart> charts = List.of(
                chart(section, sizes, performance, classification ? "test error" : "test MSE",
                        classification ? "test error (%)" : "MSE", classification),
                chart(section, sizes, Metric.LOSS_GAP, "loss gap: test − train",
                        classification ? "cross-entropy (nats)" : "MSE", false));
        String caption = "Headline runs of each training-set size (" + (section.protocol() == Section.Protocol.TWO_STAGE
                ? "each size with its own choice on validation, evaluated on fresh seeds" : "settings fixed by the suite")
                + "), at each run's reported epoch. Points: mean over seeds; whiskers: 95 % CI of the mean. "
                + "Logarithmic size axis.";
        return Optional.of(ChartExport.figure(id, section.label() + ": training-set size", caption, charts, 2));
    }

    private static XYChart chart(Section section, List<Condition> sizes, Metric metric, String title, String unit,
                                 boolean logY) {
        XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT).title(title)
                .xAxisTitle("training examples (log scale)").yAxisTitle(unit).build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        if (metric != Metric.LOSS_GAP && !logY) {
            chart.getStyler().setYAxisMin(0.0); // test MSE cannot be negative: whiskers below zero are cut
        }
        Map<String, RegularizerStats> names = new LinkedHashMap<>();
        sizes.forEach(c -> c.headline().forEach(r -> names.putIfAbsent(r.name(), r)));
        for (RegularizerStats any : names.values()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (Condition c : sizes) {
                c.headline().stream().filter(r -> r.name().equals(any.name())).findFirst().ifPresent(r -> {
                    Summary s = r.summary(metric);
                    if (s.n() > 0) {
                        x.add((double) c.trainSize());
                        y.add(s.mean());
                        double half = Double.isNaN(s.ciHalfWidth()) ? 0 : s.ciHalfWidth();
                        e.add(logY ? Math.min(half, 0.95 * s.mean()) : half);
                    }
                });
            }
            if (x.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(any.name(), x, y, e);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(Colors.of(section, any));
            s.setMarkerColor(Colors.of(section, any));
            s.setLineWidth(2f);
        }
        return chart;
    }
}
