package dev.regbench.reports.plot;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.WeightHistogram;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.RegularizerStats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Distribution of final weight magnitudes per regularizer (all seeds pooled): L1's spike near zero, L2's shrinkage. */
public final class WeightHistograms {
    private WeightHistograms() {
    }

    /**
     * @param section   a report section
     * @param condition one of its training-set sizes
     * @param id        figure id
     * @return the figure, or empty if no run has a histogram
     */
    public static Optional<Figure> draw(Section section, Condition condition, String id) {
        XYChart chart = new XYChartBuilder().width(2 * ChartExport.WIDTH).height((int) (1.2 * ChartExport.HEIGHT))
                .title("final weight magnitudes").xAxisTitle("log10 |w|").yAxisTitle("fraction of weights per 0.1 decade")
                .build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisDecimalPattern("0");
        boolean any = false;
        WeightHistogram shape = null;
        for (RegularizerStats r : condition.headline()) {
            List<WeightHistogram> hs = r.completed().stream().map(RunResult::weightHistogram)
                    .filter(java.util.Objects::nonNull).toList();
            if (hs.isEmpty()) {
                continue;
            }
            shape = hs.get(0);
            int bins = shape.counts().size();
            double[] counts = new double[bins];
            long total = 0;
            long below = 0;
            for (WeightHistogram h : hs) {
                for (int i = 0; i < bins; i++) {
                    counts[i] += h.counts().get(i);
                }
                total += h.total();
                below += h.belowMin();
            }
            double width = (shape.log10Max() - shape.log10Min()) / bins;
            double[] x = new double[bins];
            for (int i = 0; i < bins; i++) {
                x[i] = shape.log10Min() + (i + 0.5) * width;
                counts[i] /= total;
            }
            String label = String.format(Locale.ROOT, "%s (%.1f%% below 1e%d)", r.name(), 100.0 * below / total,
                    (int) shape.log10Min());
            XYSeries s = chart.addSeries(label, x, counts);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Colors.of(section, r));
            s.setLineWidth(2f);
            any = true;
        }
        if (!any) {
            return Optional.empty();
        }
        String caption = "Histogram of log10|w| over all weight matrices (biases excluded) after the last epoch, all "
                + "completed seeds pooled, as a fraction of all weights. Weights below the plotted range are counted in "
                + "the legend. L1 pushes weights towards exactly zero (mass at the left); L2 shrinks them all.";
        return Optional.of(ChartExport.figure(id, LearningCurves.title(section, condition, "weight magnitudes"), caption,
                List.of(chart), 1));
    }
}
