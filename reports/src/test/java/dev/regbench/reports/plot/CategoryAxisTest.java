package dev.regbench.reports.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Category axes (forest plot, per-seed pairs) carry their names: XChart drops every tick whose label repeats
 * another, so blank labels between the categories had removed all of them.
 */
class CategoryAxisTest {
    @Test
    void categoriesAreLabelledAndEveryOtherTickLabelIsDistinctAndInvisible() throws Exception {
        Function<Double, String> f = ChartExport.categories(List.of("l1", "l2", "dropout-l2"));
        assertEquals("l1", f.apply(1.0));
        assertEquals("dropout-l2", f.apply(3.0000000001));
        Set<String> seen = new HashSet<>();
        for (double x = 0; x <= 4; x += 0.25) {
            String label = f.apply(x);
            assertTrue(seen.add(label), "labels are distinct: " + x);
            if (Math.abs(x - Math.round(x)) > 1e-6 || x < 1 || x > 3) {
                assertTrue(label.chars().allMatch(c -> c == '\u200b'), "invisible at " + x);
            }
        }
        // The real thing: XChart asks for the labels of a rendered chart at the categories.
        XYChart chart = new XYChartBuilder().width(600).height(400).build();
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(3.5);
        Set<Double> asked = new HashSet<>();
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            asked.add(x);
            return f.apply(x);
        });
        chart.addSeries("a", new double[] {1, 2, 3}, new double[] {1, 2, 3});
        org.knowm.xchart.BitmapEncoder.getBufferedImage(chart);
        assertTrue(asked.containsAll(List.of(1.0, 2.0, 3.0)), "XChart placed ticks at the categories: " + asked);
    }
}
