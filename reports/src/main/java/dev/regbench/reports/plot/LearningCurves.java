package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.CurvePoint;
import dev.regbench.reports.stats.DatasetReport;
import dev.regbench.reports.stats.RegularizerStats;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Train and test loss per epoch, one panel per regularizer on a shared y range: the picture of overfitting
 * (training loss keeps falling while test loss turns up).
 */
public final class LearningCurves {
    private LearningCurves() {
    }

    /**
     * @param section a report section
     * @param id      figure id
     * @return the figure, or empty if no regularizer has a completed run
     */
    public static Optional<Figure> draw(DatasetReport section, String id) {
        boolean log = section.task() == TaskType.CLASSIFICATION;
        double[] range = range(section, log);
        List<XYChart> charts = new ArrayList<>();
        int seeds = 0;
        for (RegularizerStats r : section.regularizers()) {
            if (r.curve().isEmpty()) {
                continue;
            }
            seeds = Math.max(seeds, r.completed().size());
            Color color = Colors.of(section, r);
            XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                    .title(r.name() + " (n = " + r.completed().size() + ")").xAxisTitle("epoch")
                    .yAxisTitle(section.task() == TaskType.CLASSIFICATION ? "cross-entropy (nats)" : "MSE").build();
            ChartExport.style(chart.getStyler());
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setYAxisLogarithmic(log);
            chart.getStyler().setYAxisMin(range[0]);
            chart.getStyler().setYAxisMax(range[1]);
            chart.getStyler().setYAxisDecimalPattern(log ? "0.###" : "0.##");
            List<CurvePoint> curve = thin(r.curve());
            double[] x = curve.stream().mapToDouble(CurvePoint::epoch).toArray();
            band(chart, "test band", x, curve, false, Palette.translucent(color, 50), range[0]);
            band(chart, "train band", x, curve, true, Palette.translucent(color, 30), range[0]);
            line(chart, "train", x, curve.stream().mapToDouble(p -> p.train().mean()).toArray(), color, true);
            line(chart, "test", x, curve.stream().mapToDouble(p -> p.test().mean()).toArray(), color, false);
            charts.add(chart);
        }
        if (charts.isEmpty()) {
            return Optional.empty();
        }
        String caption = String.format(java.util.Locale.ROOT,
                "Data loss (without the penalty) on the fixed training evaluation subset (dashed) and the test set "
                        + "(solid), measured in inference mode after each epoch; epoch 0 is before training. Lines: "
                        + "mean over seeds; bands: ± 1 standard deviation (up to %d seeds). %s", seeds,
                log ? "Logarithmic loss axis." : "");
        return Optional.of(ChartExport.figure(id, section.source().label() + ": learning curves", caption.strip(),
                charts, 2));
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

    private static final int MAX_POINTS = 250;

    private static double[] range(DatasetReport section, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RegularizerStats r : section.regularizers()) {
            for (CurvePoint p : r.curve()) {
                lo = Math.min(lo, Math.min(p.train().mean(), p.test().mean()));
                hi = Math.max(hi, Math.max(upper(p.train()), upper(p.test())));
            }
        }
        if (log) {
            return new double[] {Math.max(lo * 0.7, 1e-6), hi * 1.3};
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {Math.max(0, lo - pad), hi + pad};
    }

    private static double upper(dev.regbench.reports.stats.Summary s) {
        return Double.isNaN(s.sd()) ? s.mean() : s.mean() + s.sd();
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(dashed ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
        s.setLineWidth(2f);
    }

    private static void band(XYChart chart, String name, double[] x, List<CurvePoint> curve, boolean train,
                             Color fill, double floor) {
        if (curve.stream().anyMatch(p -> Double.isNaN((train ? p.train() : p.test()).sd()))) {
            return; // one seed: no band
        }
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            var s = train ? curve.get(i).train() : curve.get(i).test();
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
