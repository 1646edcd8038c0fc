package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Two one-sided tests against SciPy 1.17.1: the TOST p-value is the larger of
 * {@code scipy.stats.ttest_1samp(d, -δ, alternative='greater')} and {@code ttest_1samp(d, δ, alternative='less')}
 * (paired), or of {@code ttest_ind(a, b - δ, equal_var=False, alternative='greater')} and
 * {@code ttest_ind(a, b + δ, equal_var=False, alternative='less')} (Welch); the interval is the difference ±
 * {@code stats.t.ppf(0.95, df)} standard errors.
 */
class EquivalenceTest {
    @Test
    void pairedInsideTheMarginIsEquivalent() {
        Equivalence e = Equivalence.paired(new double[] {0.05, -0.02, 0.11, 0.0, -0.06, 0.03}, 0.3);
        assertEquals(0.018333333333333337, e.difference(), 1e-12);
        assertEquals(-0.030311527787679888, e.ciLow(), 1e-9);
        assertEquals(0.06697819445434657, e.ciHigh(), 1e-9);
        assertEquals(4.0622526985020304e-05, e.p(), 1e-9);
        assertTrue(e.equivalent());
        assertEquals(6, e.n());
    }

    @Test
    void pairedNearTheMarginIsNotShown() {
        Equivalence e = Equivalence.paired(new double[] {0.25, 0.31, 0.12, 0.4}, 0.3);
        assertEquals(0.27, e.difference(), 1e-12);
        assertEquals(0.13177119647445143, e.ciLow(), 1e-9);
        assertEquals(0.4082288035255486, e.ciHigh(), 1e-9);
        assertEquals(0.32236724710350545, e.p(), 1e-9);
        assertFalse(e.equivalent());
    }

    @Test
    void welchAgreesWithScipy() {
        double[] a = {5.1, 5.4, 4.9, 5.3, 5.0};
        Equivalence close = Equivalence.welch(a, new double[] {5.2, 5.6, 5.1, 5.5}, 0.3);
        assertEquals(-0.20999999999999996, close.difference(), 1e-12);
        assertEquals(-0.5025932945516859, close.ciLow(), 1e-9);
        assertEquals(0.08259329455168596, close.ciHigh(), 1e-9);
        assertEquals(0.2862077275636561, close.p(), 1e-9);
        assertFalse(close.equivalent(), "the interval reaches past -0.3");
        Equivalence far = Equivalence.welch(a, new double[] {4.2, 4.6, 4.1, 4.5}, 0.3);
        assertEquals(0.79, far.difference(), 1e-12);
        assertEquals(0.9913827051458965, far.p(), 1e-9);
    }

    @Test
    void noTestWithoutTwoValuesAndNoMarginOfZero() {
        assertFalse(Equivalence.paired(new double[] {0.1}, 0.3).tested());
        assertFalse(Equivalence.welch(new double[] {1, 2}, new double[] {1}, 0.3).tested());
        assertTrue(Equivalence.paired(new double[] {0.1, 0.1, 0.1}, 0.3).equivalent(), "equal differences, inside");
        assertFalse(Equivalence.paired(new double[] {0.4, 0.4}, 0.3).equivalent(), "equal differences, outside");
        assertThrows(IllegalArgumentException.class, () -> Equivalence.paired(new double[] {1, 2}, 0));
    }
}
