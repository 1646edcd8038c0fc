package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.CurvePoint;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The randomization test (Zhang et al. 2017): per regularizer, training accuracy (against the labels trained
 * on) and test accuracy against epoch, one line pair per label-noise condition of the same training-set size.
 * With random labels a network that memorizes drives training accuracy towards 100 % while test accuracy stays
 * at chance; a regularizer that slows memorization bends the training curve down.
 */
public final class MemorizationCurves {
    private static final List<BasicStroke> TRAIN_STROKES = List.of(SeriesLines.SOLID, SeriesLines.DASH_DASH,
            SeriesLines.DASH_DOT, SeriesLines.DOT_DOT);

    private MemorizationCurves() {
    }

    /**
     * @param section a classification section
     * @param id      figure id
     * @return the figure, or empty unless some training-set size has headline runs under two or more label-noise
     *         fractions
     */
    public static Optional<Figure> draw(Section section, String id) {
        if (section.task() != TaskType.CLASSIFICATION) {
            return Optional.empty();
        }
        Map<Integer, List<Condition>> bySize = new LinkedHashMap<>();
        section.conditions().forEach(c -> bySize.computeIfAbsent(c.trainSize(), k -> new ArrayList<>()).add(c));
        List<Condition> noises = bySize.values().stream().filter(l -> l.size() > 1).findFirst().orElse(List.of());
        if (noises.isEmpty()) {
            return Optional.empty();
        }
        Map<String, RegularizerStats> names = new LinkedHashMap<>();
        noises.forEach(c -> c.headline().forEach(r -> names.putIfAbsent(r.name(), r)));
        List<XYChart> charts = new ArrayList<>();
        for (RegularizerStats any : names.values()) {
            Color color = Colors.of(section, any);
            XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT)
                    .title(any.name()).xAxisTitle("epoch").yAxisTitle("accuracy (%)").build();
            ChartExport.style(chart.getStyler());
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(100.0);
            chart.getStyler().setYAxisDecimalPattern("0");
            for (int i = 0; i < noises.size(); i++) {
                Condition c = noises.get(i);
                Optional<RegularizerStats> r = c.headline().stream().filter(x -> x.name().equals(any.name()))
                        .filter(x -> !x.curve().isEmpty()).findFirst();
                if (r.isEmpty()) {
                    continue;
                }
                List<CurvePoint> curve = LearningCurves.thin(r.get().curve());
                double[] x = curve.stream().mapToDouble(CurvePoint::epoch).toArray();
                String labels = c.labelNoise() == 0 ? "true labels" : noiseName(c.labelNoise());
                BasicStroke stroke = TRAIN_STROKES.get(i % TRAIN_STROKES.size());
                series(chart, "train, " + labels, x, curve.stream().mapToDouble(p -> 100 * p.trainAccuracy().mean())
                        .toArray(), color, stroke, 2.2f);
                series(chart, "test, " + labels, x, curve.stream().mapToDouble(p -> 100 * p.testAccuracy().mean())
                        .toArray(), Palette.translucent(color, 120), stroke, 1.2f);
            }
            charts.add(chart);
        }
        if (charts.isEmpty()) {
            return Optional.empty();
        }
        String caption = String.format(java.util.Locale.ROOT, "Randomization test (Zhang et al. 2017), %,d training "
                        + "examples: training accuracy, measured against the labels trained on (thick), and test "
                        + "accuracy on the true test labels (thin), per label-noise condition (line style), mean over "
                        + "seeds, in inference mode after each evaluated epoch. Chance is %s %%.",
                noises.get(0).trainSize(), chance(section));
        return Optional.of(ChartExport.figure(id, section.label() + ": memorization of random labels", caption,
                charts, 2));
    }

    private static String noiseName(double f) {
        return java.math.BigDecimal.valueOf(f * 100).stripTrailingZeros().toPlainString() + " % random labels";
    }

    private static String chance(Section section) {
        List<Integer> test = section.provenance().runs().get(0).dataset().classCounts() == null ? List.of()
                : section.provenance().runs().get(0).dataset().classCounts().test();
        return test.isEmpty() ? "1/classes" : java.math.BigDecimal.valueOf(100.0 / test.size()).stripTrailingZeros()
                .toPlainString();
    }

    private static void series(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke,
                               float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setLineWidth(width);
    }
}
