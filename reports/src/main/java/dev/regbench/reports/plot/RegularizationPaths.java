package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.RegularizationPath;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.Summary;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The textbook underfit ↔ overfit picture, measured: for each regularizer and swept parameter, training,
 * validation and test loss (and, for classifiers, error) against the parameter's grid values, mean with 95 % CI
 * whiskers over the tuning seeds, the point chosen on validation marked. A strong penalty underfits (all three
 * high), a weak one overfits (training low, validation and test high).
 */
public final class RegularizationPaths {
    private RegularizationPaths() {
    }

    /**
     * @param section   a report section
     * @param condition one of its training-set sizes
     * @param id        figure id
     * @return the figure, or empty if nothing was swept
     */
    public static Optional<Figure> draw(Section section, Condition condition, String id) {
        List<RegularizationPath> paths = condition.paths().stream().filter(p -> p.points().size() > 1).toList();
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        boolean classification = section.task() == TaskType.CLASSIFICATION;
        List<XYChart> charts = new ArrayList<>();
        for (RegularizationPath p : paths) {
            Color color = Colors.of(section, p.regularizer(), p.kind());
            charts.add(chart(p, color, false, classification));
            if (classification) {
                charts.add(chart(p, color, true, true));
            }
        }
        int seeds = condition.tuneSeeds().isEmpty() ? paths.get(0).points().get(0).testLoss().n()
                : condition.tuneSeeds().size();
        String chosen = section.protocol() == Section.Protocol.TWO_STAGE
                ? " The black diamond marks the value chosen on " + section.policy().describe() + " (the test curve "
                + "is shown, never used to choose)."
                : " Nothing was chosen (exploratory suite).";
        String caption = String.format(Locale.ROOT, "Each panel varies one parameter over its grid, the regularizer's "
                        + "other swept parameters held at their chosen values; training loss (dashed, squares), "
                        + "validation (dotted, triangles) and test (solid, circles) at each run's reported epoch. Points: mean over %d %s seed(s); "
                        + "whiskers: 95 %% CI of the mean.%s", seeds,
                section.protocol() == Section.Protocol.TWO_STAGE ? "tuning" : "", chosen);
        return Optional.of(ChartExport.figure(id, LearningCurves.title(section, condition, "regularization paths"),
                caption.replace("  ", " "), charts, 2));
    }

    private static XYChart chart(RegularizationPath p, Color color, boolean error, boolean classification) {
        String unit = error ? "error (%)" : classification ? "cross-entropy (nats)" : "MSE";
        String fixed = p.fixed().isEmpty() ? "" : " at " + String.join(", ", p.fixed().entrySet().stream()
                .map(e -> e.getKey() + " " + compact(e.getValue())).toList());
        XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                .title(p.regularizer() + ": " + (error ? "error" : "loss") + " vs " + p.parameter() + fixed)
                .xAxisTitle(p.parameter() + (p.logarithmic() ? " (log scale)" : "")).yAxisTitle(unit).build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisLogarithmic(p.logarithmic());
        boolean logY = !error && classification;
        chart.getStyler().setYAxisLogarithmic(logY);
        double[] range = range(p, error, logY);
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisDecimalPattern(p.logarithmic() ? "0.#E0" : "0.##");
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        double[] x = p.points().stream().mapToDouble(RegularizationPath.Point::value).toArray();
        series(chart, "train", x, p, error ? RegularizationPath.Point::trainError : RegularizationPath.Point::trainLoss,
                color, SeriesLines.DASH_DASH, SeriesMarkers.SQUARE);
        Function<RegularizationPath.Point, Summary> validation = error ? RegularizationPath.Point::validationError
                : RegularizationPath.Point::validationLoss;
        series(chart, "validation", x, p, validation, color, SeriesLines.DOT_DOT, SeriesMarkers.TRIANGLE_UP);
        series(chart, "test", x, p, error ? RegularizationPath.Point::testError : RegularizationPath.Point::testLoss,
                color, SeriesLines.SOLID, SeriesMarkers.CIRCLE);
        if (p.chosen().isPresent()) {
            p.points().stream().filter(q -> q.value() == p.chosen().get()).findFirst().ifPresent(q -> {
                Summary v = validation.apply(q);
                if (v.n() > 0) {
                    XYSeries mark = chart.addSeries("chosen", new double[] {q.value()}, new double[] {v.mean()});
                    mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    mark.setMarker(SeriesMarkers.DIAMOND);
                    mark.setMarkerColor(Color.BLACK);
                }
            });
        }
        return chart;
    }

    private static void series(XYChart chart, String name, double[] x, RegularizationPath p,
                               Function<RegularizationPath.Point, Summary> metric, Color color,
                               java.awt.BasicStroke style, org.knowm.xchart.style.markers.Marker marker) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> errs = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            Summary s = metric.apply(p.points().get(i));
            if (s.n() == 0) {
                continue;
            }
            xs.add(x[i]);
            ys.add(s.mean());
            errs.add(Double.isNaN(s.ciHalfWidth()) ? 0.0 : Math.min(s.ciHalfWidth(), 0.95 * s.mean()));
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, xs, ys, errs);
        s.setMarker(marker);
        s.setMarkerColor(color);
        s.setLineColor(color);
        s.setLineStyle(style);
        s.setLineWidth(2f);
    }

    /** The y range of a panel: every point's mean and CI, padded (by a factor on a log axis). */
    private static double[] range(RegularizationPath p, boolean error, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RegularizationPath.Point q : p.points()) {
            List<Summary> all = error ? List.of(q.trainError(), q.validationError(), q.testError())
                    : List.of(q.trainLoss(), q.validationLoss(), q.testLoss());
            for (Summary s : all) {
                if (s.n() > 0) {
                    double half = Double.isNaN(s.ciHalfWidth()) ? 0 : s.ciHalfWidth();
                    lo = Math.min(lo, log ? s.mean() : s.mean() - half);
                    hi = Math.max(hi, s.mean() + half);
                }
            }
        }
        if (log) {
            return new double[] {Math.max(lo / 1.5, 1e-6), hi * 1.5};
        }
        double pad = Math.max(1e-9, (hi - lo) * 0.08);
        return new double[] {Math.max(0, lo - pad), hi + pad};
    }

    static String compact(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toString().replace("E", "e");
    }
}
