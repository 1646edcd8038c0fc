package dev.regbench.reports.plot;

import dev.regbench.reports.schema.PolynomialInfo;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.RegularizerStats;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The classic overfitting figure: the true polynomial, the noisy training points, and each regularizer's
 * fitted curve over [-1, 1] (the lowest seed's network, so the curve is one real fit, not an average).
 */
public final class PolynomialFits {
    private static final int GRID = 201;

    private PolynomialFits() {
    }

    /**
     * @param section   a regression section
     * @param condition one of its training-set sizes
     * @param id        figure id
     * @return the figure, or empty if the section has no polynomial task or no fit
     */
    public static Optional<Figure> draw(Section section, Condition condition, String id) {
        Optional<RunResult> any = condition.headline().stream().flatMap(r -> r.completed().stream())
                .filter(r -> r.fit() != null && r.dataset().polynomial() != null)
                .min(Comparator.comparingLong(RunResult::seed));
        if (any.isEmpty()) {
            return Optional.empty();
        }
        PolynomialInfo task = any.get().dataset().polynomial();
        XYChart chart = new XYChartBuilder().width(2 * ChartExport.WIDTH).height((int) (1.3 * ChartExport.HEIGHT))
                .title("fits after the last epoch, seed " + any.get().seed()).xAxisTitle("x").yAxisTitle("y").build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisDecimalPattern("0.#");
        double[] x = new double[GRID];
        double[] truth = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            x[i] = -1 + 2.0 * i / (GRID - 1);
            truth[i] = horner(task.coefficients(), x[i]);
        }
        double lo = Math.min(min(truth), task.trainY().stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double hi = Math.max(max(truth), task.trainY().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        double pad = 0.25 * (hi - lo);
        chart.getStyler().setYAxisMin(lo - pad);
        chart.getStyler().setYAxisMax(hi + pad);
        XYSeries t = chart.addSeries("true p(x)", x, truth);
        t.setMarker(SeriesMarkers.NONE);
        t.setLineColor(Color.BLACK);
        t.setLineWidth(2.5f);
        for (RegularizerStats r : condition.headline()) {
            Optional<RunResult> run = r.completed().stream().filter(c -> c.fit() != null)
                    .filter(c -> c.seed() == any.get().seed()).findFirst();
            if (run.isEmpty()) {
                continue;
            }
            double[] fx = run.get().fit().x().stream().mapToDouble(Double::doubleValue).toArray();
            double[] fy = run.get().fit().prediction().stream()
                    .mapToDouble(v -> Math.max(lo - 2 * pad, Math.min(hi + 2 * pad, v))).toArray();
            XYSeries s = chart.addSeries(r.name(), fx, fy);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Colors.of(section, r));
            s.setLineWidth(2f);
        }
        XYSeries points = chart.addSeries("training points (" + task.trainX().size() + ")",
                task.trainX().stream().mapToDouble(Double::doubleValue).toArray(),
                task.trainY().stream().mapToDouble(Double::doubleValue).toArray());
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(Color.BLACK);
        String caption = String.format(java.util.Locale.ROOT, "The true polynomial (black), the %d noisy training "
                        + "points (σ = %s) of seed %d and each regularizer's network output over [-1, 1] after the last "
                        + "epoch of its seed-%d run (one real fit, not an average). The unregularized fit chases the "
                        + "noise; penalties keep it smooth.%s", task.trainX().size(), Double.toString(task.noiseStdDev()),
                any.get().seed(), any.get().seed(), any.get().dataset().draw().equals("per-seed")
                        ? " Training points are drawn per seed: other seeds saw other points." : "");
        return Optional.of(ChartExport.figure(id, LearningCurves.title(section, condition, "polynomial fits"), caption,
                List.of(chart), 1));
    }

    private static double horner(List<Double> c, double x) {
        double y = 0;
        for (int i = c.size() - 1; i >= 0; i--) {
            y = y * x + c.get(i);
        }
        return y;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }
}
