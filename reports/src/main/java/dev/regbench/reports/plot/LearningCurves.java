package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.CurvePoint;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.Summary;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training, validation and test loss per epoch of the headline runs, one panel per regularizer on a shared y
 * range: the picture of overfitting (training loss keeps falling while validation and test loss turn up).
 */
public final class LearningCurves {
    private static final int MAX_POINTS = 250;

    private LearningCurves() {
    }

    /**
     * @param section   a report section
     * @param condition one of its training-set sizes
     * @param id        figure id
     * @return the figure, or empty if no regularizer has a completed run
     */
    public static Optional<Figure> draw(Section section, Condition condition, String id) {
        boolean log = section.task() == TaskType.CLASSIFICATION;
        double[] range = range(condition, log);
        List<XYChart> charts = new ArrayList<>();
        int seeds = 0;
        for (RegularizerStats r : condition.headline()) {
            if (r.curve().isEmpty()) {
                continue;
            }
            seeds = Math.max(seeds, r.completed().size());
            Color color = Colors.of(section, r);
            XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                    .title(r.name() + " (n = " + r.completed().size() + ")").xAxisTitle("epoch")
                    .yAxisTitle(log ? "cross-entropy (nats)" : "MSE").build();
            ChartExport.style(chart.getStyler());
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setYAxisLogarithmic(log);
            chart.getStyler().setYAxisMin(range[0]);
            chart.getStyler().setYAxisMax(range[1]);
            chart.getStyler().setYAxisDecimalPattern(log ? "0.###" : "0.##");
            List<CurvePoint> curve = thin(r.curve());
            double[] x = curve.stream().mapToDouble(CurvePoint::epoch).toArray();
            band(chart, "test band", x, curve, CurvePoint::test, Palette.translucent(color, 50), range[0]);
            band(chart, "train band", x, curve, CurvePoint::train, Palette.translucent(color, 30), range[0]);
            line(chart, "train", x, curve, CurvePoint::train, color, SeriesLines.DASH_DASH);
            if (curve.get(0).validation().n() > 0) {
                line(chart, "validation", x, curve, CurvePoint::validation, color, SeriesLines.DOT_DOT);
            }
            line(chart, "test", x, curve, CurvePoint::test, color, SeriesLines.SOLID);
            charts.add(chart);
        }
        if (charts.isEmpty()) {
            return Optional.empty();
        }
        String caption = String.format(java.util.Locale.ROOT,
                "Data loss (without the penalty) on the fixed training evaluation subset (dashed), the validation set "
                        + "(dotted) and the test set (solid), measured in inference mode after each evaluated epoch; "
                        + "epoch 0 is before training. Lines: mean over seeds; bands: ± 1 standard deviation (up to %d seeds). %s",
                seeds, log ? "Logarithmic loss axis." : "");
        return Optional.of(ChartExport.figure(id, title(section, condition, "learning curves"), caption.strip(),
                charts, 2));
    }

    /** @return a figure title naming the section and, when it has several, the training-set size */
    static String title(Section section, Condition condition, String what) {
        return section.label() + (section.conditions().size() > 1 ? ", " + condition.label() : "") + ": " + what;
    }

    /** At most {@link #MAX_POINTS} evenly spaced epochs (first and last kept): a panel is ~500 px wide. */
    static List<CurvePoint> thin(List<CurvePoint> curve) {
        if (curve.size() <= MAX_POINTS) {
            return curve;
        }
        List<CurvePoint> thinned = new ArrayList<>();
        double step = (curve.size() - 1) / (double) (MAX_POINTS - 1);
        for (int i = 0; i < MAX_POINTS; i++) {
            thinned.add(curve.get((int) Math.round(i * step)));
        }
        return thinned;
    }

    private static double[] range(Condition condition, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RegularizerStats r : condition.headline()) {
            for (CurvePoint p : r.curve()) {
                for (Summary s : List.of(p.train(), p.validation(), p.test())) {
                    if (s.n() > 0) {
                        lo = Math.min(lo, s.mean());
                        hi = Math.max(hi, Double.isNaN(s.sd()) ? s.mean() : s.mean() + s.sd());
                    }
                }
            }
        }
        if (log) {
            return new double[] {Math.max(lo * 0.7, 1e-6), hi * 1.3};
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {Math.max(0, lo - pad), hi + pad};
    }

    private static void line(XYChart chart, String name, double[] x, List<CurvePoint> curve,
                             Function<CurvePoint, Summary> split, Color color, java.awt.BasicStroke style) {
        XYSeries s = chart.addSeries(name, x, curve.stream().mapToDouble(p -> split.apply(p).mean()).toArray());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(style);
        s.setLineWidth(2f);
    }

    private static void band(XYChart chart, String name, double[] x, List<CurvePoint> curve,
                             Function<CurvePoint, Summary> split, Color fill, double floor) {
        if (curve.stream().anyMatch(p -> Double.isNaN(split.apply(p).sd()))) {
            return; // one seed: no band
        }
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            Summary s = split.apply(curve.get(i));
            px[i] = x[i];
            py[i] = s.mean() + s.sd();
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = Math.max(floor, s.mean() - s.sd());
        }
        XYSeries band = chart.addSeries(name, px, py);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(fill);
        band.setLineColor(Palette.translucent(fill, 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }
}
