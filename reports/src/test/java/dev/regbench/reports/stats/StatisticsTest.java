package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Against values worked out by hand (t quantiles from tables; cross-checked with SciPy 1.17:
 * {@code stats.ttest_ind(a, b, equal_var=False)}).
 */
class StatisticsTest {
    private static final double[] A = {1, 2, 3, 4};
    private static final double[] B = {2, 4, 6};

    @Test
    void meanSdAndStudentTInterval() {
        Summary s = Summary.of(A);
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), s.sd(), 1e-12); // Σ(x−x̄)² = 5, n − 1 = 3
        // t(0.975, 3) = 3.182446; half-width = 3.182446 · 1.290994 / √4 = 2.054260
        assertEquals(0.4457397, s.ciLow(), 1e-6);
        assertEquals(4.5542603, s.ciHigh(), 1e-6);
        assertEquals(2.0542603, s.ciHalfWidth(), 1e-6);
    }

    @Test
    void oneValueHasNoSpreadAndNoneHasNoMean() {
        Summary one = Summary.of(new double[] {0.7});
        assertEquals(0.7, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()));
        assertTrue(Double.isNaN(Summary.of(new double[0]).mean()));
    }

    @Test
    void welchAgainstHandComputation() {
        Comparison c = Comparison.welch(Metric.LOSS_GAP, A, B);
        assertEquals(-1.5, c.difference(), 1e-12);
        // se² = 1.6667/4 + 4/3 = 1.75; df = 1.75² / (0.41667²/3 + 1.33333²/2) = 3.2347
        assertEquals(-5.542328, c.ciLow(), 1e-5);
        assertEquals(2.542328, c.ciHigh(), 1e-5);
        assertEquals(0.3338237, c.pValue(), 1e-6);
        assertTrue(c.tested());
        assertEquals(4, c.n());
        assertEquals(3, c.nBaseline());
    }

    @Test
    void noTestWithOneSeedOrNoVariation() {
        Comparison one = Comparison.welch(Metric.LOSS_GAP, new double[] {1}, B);
        assertFalse(one.tested());
        assertEquals(-3.0, one.difference(), 1e-12);
        assertTrue(one.note().contains("n = 1"), one.note());
        Comparison flat = Comparison.welch(Metric.LOSS_GAP, new double[] {2, 2}, new double[] {1, 1});
        assertFalse(flat.tested());
        assertTrue(flat.note().contains("no variation"), flat.note());
    }

    @Test
    void clearDifferenceIsSignificant() {
        Comparison c = Comparison.welch(Metric.TEST_LOSS, new double[] {0.10, 0.11, 0.105}, new double[] {0.20, 0.21, 0.19});
        assertTrue(c.pValue() < 0.001, "p = " + c.pValue());
        assertTrue(c.ciHigh() < 0);
    }
}
