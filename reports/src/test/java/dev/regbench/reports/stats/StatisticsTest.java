package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against values computed independently. The paired and Welch t-tests use Student's sleep data (Cushny &amp;
 * Peebles 1905; R's {@code datasets::sleep}), whose results R documents and prints for
 * {@code t.test(extra ~ group, data = sleep)} (Welch: t = −1.8608, df = 17.776, p = 0.07939, 95 % CI
 * [−3.3654832, 0.2054832]) and {@code t.test(sleep$extra[1:10], sleep$extra[11:20], paired = TRUE)}
 * (t = −4.0621, df = 9, p = 0.002833, 95 % CI [−2.4598858, −0.7001142], mean difference −1.58). Holm's
 * adjustment is worked by hand from its definition (Holm 1979), as R's {@code p.adjust(p, "holm")} computes it.
 */
class StatisticsTest {
    private static final double[] A = {1, 2, 3, 4};
    private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    @Test
    void meanSdAndStudentTInterval() {
        Summary s = Summary.of(A);
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), s.sd(), 1e-12); // Σ(x−x̄)² = 5, n − 1 = 3
        // t(0.975, 3) = 3.182446; half-width = 3.182446 · 1.290994 / √4 = 2.054260
        assertEquals(0.4457397, s.ciLow(), 1e-6);
        assertEquals(4.5542603, s.ciHigh(), 1e-6);
    }

    @Test
    void oneValueHasNoSpreadAndNoneHasNoMean() {
        Summary one = Summary.of(new double[] {0.7});
        assertEquals(0.7, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()));
        assertTrue(Double.isNaN(Summary.of(new double[0]).mean()));
    }

    @Test
    void welchOnTheSleepDataAsPrintedByR() {
        Comparison c = Comparison.welch(Metric.TEST_LOSS, SLEEP_1, SLEEP_2);
        assertEquals(Comparison.Test.WELCH, c.test());
        assertEquals(0.75 - 2.33, c.difference(), 1e-12);
        assertEquals(-3.3654832, c.ciLow(), 1e-6);
        assertEquals(0.2054832, c.ciHigh(), 1e-6);
        assertEquals(0.07939, c.pValue(), 5e-6);
    }

    @Test
    void pairedOnTheSleepDataAsPrintedByR() {
        Map<Long, Double> group1 = new LinkedHashMap<>();
        Map<Long, Double> group2 = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) { // patient i+1 received both drugs: the data pair by patient
            group1.put((long) i + 1, SLEEP_1[i]);
            group2.put((long) i + 1, SLEEP_2[i]);
        }
        Comparison c = Comparison.of(Metric.TEST_LOSS, group1, group2);
        assertEquals(Comparison.Test.PAIRED, c.test());
        assertEquals(-1.58, c.difference(), 1e-12);
        assertEquals(-2.4598858, c.ciLow(), 1e-6);
        assertEquals(-0.7001142, c.ciHigh(), 1e-6);
        assertEquals(0.002833, c.pValue(), 5e-7);
        assertEquals(10, c.n());
        assertEquals("", c.note());
        assertTrue(c.pValue() < Comparison.welch(Metric.TEST_LOSS, SLEEP_1, SLEEP_2).pValue(),
                "pairing removes the patients' spread: the same data, a much smaller p");
    }

    @Test
    void runsWithoutCommonSeedsFallBackToWelchAndUnmatchedSeedsAreNamed() {
        Map<Long, Double> a = Map.of(1L, 1.0, 2L, 2.0, 3L, 3.0);
        Map<Long, Double> b = Map.of(4L, 2.0, 5L, 4.0, 6L, 6.0);
        assertEquals(Comparison.Test.WELCH, Comparison.of(Metric.TEST_LOSS, a, b).test());
        Map<Long, Double> partial = Map.of(1L, 1.5, 2L, 2.7, 7L, 9.0);
        Comparison c = Comparison.of(Metric.TEST_LOSS, a, partial);
        assertEquals(Comparison.Test.PAIRED, c.test());
        assertEquals(2, c.n());
        assertTrue(c.note().contains("[3, 7]"), c.note());
    }

    @Test
    void zeroVarianceSaysWhyThereIsNoInterval() {
        Comparison paired = Comparison.paired(Metric.TEST_LOSS, new double[] {-0.5, -0.5, -0.5});
        assertFalse(paired.tested());
        assertEquals(-0.5, paired.difference(), 0.0);
        assertTrue(Double.isNaN(paired.ciLow()) && Double.isNaN(paired.ciHigh()), "no zero-width interval");
        assertTrue(paired.note().contains("all 3 paired differences are equal"), paired.note());
        Comparison welch = Comparison.welch(Metric.TEST_LOSS, new double[] {2, 2}, new double[] {1, 1});
        assertFalse(welch.tested());
        assertTrue(Double.isNaN(welch.ciLow()));
        assertTrue(welch.note().contains("no variation"), welch.note());
        Comparison one = Comparison.paired(Metric.TEST_LOSS, new double[] {0.3});
        assertTrue(one.note().contains("1 pair"), one.note());
        // test errors in percent of 10,000 images: both seeds one image worse, unequal only by float rounding
        double[] rounded = {100 * (1 - 0.7995) - 100 * (1 - 0.8), 100 * (1 - 0.8095) - 100 * (1 - 0.81)};
        assertTrue(rounded[0] != rounded[1], "the fixture must differ in the last bits");
        Comparison equal = Comparison.paired(Metric.TEST_ERROR, rounded);
        assertFalse(equal.tested(), "no astronomically significant p from rounding, was " + equal.pValue());
        assertTrue(equal.note().contains("equal"), equal.note());
    }

    @Test
    void holmAgainstItsDefinition() {
        // Sorted p: 0.01·5 = 0.05, 0.02·4 = 0.08, 0.03·3 = 0.09, 0.04·2 = 0.08 → 0.09, 0.05·1 = 0.05 → 0.09.
        assertArrayEquals(new double[] {0.05, 0.08, 0.09, 0.09, 0.09},
                Comparison.Holm.adjust(new double[] {0.01, 0.02, 0.03, 0.04, 0.05}), 1e-12);
        // Unsorted input keeps its order; 0.3·4 caps at 1; NaN (no test) is not counted in m = 4.
        double[] adjusted = Comparison.Holm.adjust(new double[] {0.04, Double.NaN, 0.001, 0.3, 0.02});
        assertEquals(0.08, adjusted[0], 1e-12);  // third smallest: 0.04·2 = 0.08
        assertTrue(Double.isNaN(adjusted[1]));
        assertEquals(0.004, adjusted[2], 1e-12); // smallest: 0.001·4
        assertEquals(0.3, adjusted[3], 1e-12);   // largest: 0.3·1, and ≥ the previous 0.08
        assertEquals(0.06, adjusted[4], 1e-12);  // second: 0.02·3
        List<Comparison> family = Comparison.holm(List.of(
                Comparison.paired(Metric.TEST_LOSS, new double[] {-1, -1.1, -0.9, -1.05}),
                Comparison.paired(Metric.LOSS_GAP, new double[] {0.1, -0.2, 0.15, -0.05})));
        for (Comparison c : family) {
            assertTrue(c.pHolm() >= c.pValue(), "adjusting never lowers a p-value");
        }
    }
}
