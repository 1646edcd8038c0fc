package dev.regbench.suites.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link RatioEstimate} against values computed independently. */
class RatioEstimateTest {
    @Test
    void geometricMeanRatioAndLogTIntervalMatchAnIndependentComputation() {
        // Python: l = [log(a/b)]; exp(mean(l)), exp(mean(l) ∓ t(0.975, 4) · stdev(l) / √5), t = 2.7764451051977987.
        RatioEstimate r = RatioEstimate.of(new double[] {10000, 11000, 9500, 10500, 12000},
                new double[] {9000, 10000, 9800, 9900, 10200});
        assertEquals(5, r.rounds());
        assertEquals(1.0813258289033467, r.ratio(), 1e-12);
        assertEquals(0.9894425800162732, r.low(), 1e-9);
        assertEquals(1.1817416916040535, r.high(), 1e-9);
        assertEquals("1.08 [0.99, 1.18]", r.describe());
        assertEquals("+8.1 % [-1.1, +18.2]", r.describeChange());
    }

    @Test
    void pairingByRoundCancelsDriftThatHitsBothAlike() {
        // The machine halves its speed between rounds; the ratio within each round is exactly 0.9.
        RatioEstimate r = RatioEstimate.of(new double[] {9000, 4500, 9000}, new double[] {10000, 5000, 10000});
        assertEquals(0.9, r.ratio(), 1e-12);
        assertTrue(r.high() - r.low() < 1e-9, "no spread within rounds, so no interval width");
    }

    @Test
    void rejectsUnpairedOrNonPositiveValues() {
        assertThrows(IllegalArgumentException.class, () -> RatioEstimate.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RatioEstimate.of(new double[] {0}, new double[] {1}));
        assertTrue(Double.isNaN(RatioEstimate.of(new double[] {2}, new double[] {1}).low()), "one round: no interval");
    }
}
