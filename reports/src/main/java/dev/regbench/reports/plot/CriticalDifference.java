package dev.regbench.reports.plot;

import dev.regbench.reports.stats.RankComparison;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Demšar's critical-difference diagram (2006, fig. 1): the regularizers on an axis of average rank over the report's
 * conditions (1 = best, on the left); a thick bar joins arms whose average ranks differ by less than the Nemenyi
 * critical difference, drawn to scale above the axis. The better half of the arms is labelled on the left, the
 * rest on the right.
 */
public final class CriticalDifference {
    private CriticalDifference() {
    }

    /**
     * @param ranks the rank comparison of a report
     * @param id    figure id
     * @return the figure, or empty without a critical difference (more than 10 arms)
     */
    public static Optional<Figure> draw(RankComparison ranks, String id) {
        if (Double.isNaN(ranks.criticalDifference())) {
            return Optional.empty();
        }
        int k = ranks.arms().size();
        Integer[] order = ranks.byRank();
        int rows = (k + 1) / 2;
        XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH + 140).height(150 + 34 * rows)
                .title("average rank over " + ranks.blocks().size() + " conditions (1 = best)").xAxisTitle("")
                .yAxisTitle("").build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setAxisTicksLineVisible(false);
        double left = -0.9 - 0.15 * k;
        double right = k + 1.9 + 0.15 * k;
        chart.getStyler().setXAxisMin(left);
        chart.getStyler().setXAxisMax(right);
        chart.getStyler().setYAxisMin(-rows - 1.0);
        chart.getStyler().setYAxisMax(1.6);
        chart.getStyler().setXAxisTicksVisible(false);
        line(chart, "axis", new double[] {1, k}, new double[] {0, 0}, Color.DARK_GRAY, 1.5f);
        for (int t = 1; t <= k; t++) {
            line(chart, "tick " + t, new double[] {t, t}, new double[] {0, 0.12}, Color.DARK_GRAY, 1.2f);
            chart.addAnnotation(new AnnotationText(Integer.toString(t), t, 0.35, false));
        }
        double cd = ranks.criticalDifference();
        line(chart, "cd", new double[] {1, 1 + cd}, new double[] {1.1, 1.1}, Color.BLACK, 2f);
        chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "CD = %.2f", cd), 1 + cd / 2, 1.38, false));
        for (int i = 0; i < k; i++) {
            int arm = order[i];
            double rank = ranks.averageRanks().get(arm);
            boolean onLeft = i < rows;
            double y = -(onLeft ? i + 1 : k - i);
            double end = onLeft ? 0.6 : k + 0.4;
            line(chart, "arm " + arm, new double[] {rank, rank, end}, new double[] {0, y, y}, Color.DARK_GRAY, 1f);
            String label = String.format(Locale.ROOT, "%s (%.2f)", ranks.arms().get(arm), rank);
            double width = 0.085 * label.length() * (k + 1) / 5.0;
            chart.addAnnotation(new AnnotationText(label, onLeft ? end - width / 2 - 0.1 : end + width / 2 + 0.1, y,
                    false));
        }
        List<List<Integer>> groups = ranks.indistinguishable();
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> group = groups.get(g);
            double y = -0.25 - 0.22 * g;
            line(chart, "group " + g, new double[] {ranks.averageRanks().get(group.get(0)) - 0.04,
                    ranks.averageRanks().get(group.get(group.size() - 1)) + 0.04}, new double[] {y, y}, Color.BLACK, 4f);
        }
        String caption = String.format(Locale.ROOT, "Each regularizer at its average rank of test performance over "
                        + "the %d conditions listed in the table (1 = best). Bars join regularizers whose average ranks "
                        + "differ by less than the Nemenyi critical difference at α = 0.05 (CD = %.2f, drawn to scale): "
                        + "those the conditions cannot tell apart. Friedman test: χ² = %.2f, p = %s%s.",
                ranks.blocks().size(), cd, ranks.chiSquare(), pText(ranks.pValue()),
                ranks.ranksDiffer() ? "" : " — no evidence that the ranks differ at all, so no pair is distinguished");
        return Optional.of(ChartExport.figure(id, "Regularizers ranked across conditions", caption, List.of(chart), 1));
    }

    private static String pText(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
    }
}
