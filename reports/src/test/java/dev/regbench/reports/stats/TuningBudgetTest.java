package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TuningBudgetTest {

    /**
     * A worked example by hand (exact fractions): scores 0.3, 0.1, 0.2 (grid order), test 3, 1, 2. Two draws with
     * replacement from three configurations: the best (0.1) is among them with probability 1 − (2/3)² = 5/9; the
     * middle one is the best of the two with (2/3)² − (1/3)² = 3/9; the worst only when drawn twice, 1/9. Expected
     * best validation (0.5 + 0.6 + 0.3)/9 = 1.4/9, its test (5 + 6 + 3)/9 = 14/9.
     */
    @Test
    void aHandComputedExample() {
        TuningBudget b = TuningBudget.of("l2", new double[] {0.3, 0.1, 0.2}, new double[] {3, 1, 2}, 3);
        assertEquals(3, b.configurations());
        assertEquals((0.3 + 0.1 + 0.2) / 3, b.at(1).orElseThrow().validation(), 1e-15);
        assertEquals(2.0, b.at(1).orElseThrow().test(), 1e-15);
        assertEquals(1.4 / 9, b.at(2).orElseThrow().validation(), 1e-15);
        assertEquals(14.0 / 9, b.at(2).orElseThrow().test(), 1e-15);
        // n = 3: P(best) = 1 − 8/27 = 19/27, P(middle) = 8/27 − 1/27 = 7/27, P(worst) = 1/27.
        assertEquals((19 * 0.1 + 7 * 0.2 + 0.3) / 27, b.at(3).orElseThrow().validation(), 1e-15);
    }

    /**
     * Independent of the closed form: enumerate every one of the N^n ordered draws with replacement, take the draw's
     * validation-best configuration (ties to the one first in grid order, as the selector breaks them) and average.
     * Random grids of 1–5 configurations with deliberate ties, budgets 1–4.
     */
    @Test
    void agreesWithEnumeratingEveryDrawSequence() {
        Random random = new Random(20261207);
        for (int trial = 0; trial < 300; trial++) {
            int total = 1 + random.nextInt(5);
            double[] validation = new double[total];
            double[] test = new double[total];
            for (int i = 0; i < total; i++) {
                validation[i] = random.nextInt(4) / 10.0; // ties are common
                test[i] = random.nextGaussian();
            }
            TuningBudget b = TuningBudget.of("x", validation, test, 4);
            for (int n = 1; n <= 4; n++) {
                double[] expected = enumerate(validation, test, n);
                assertEquals(expected[0], b.at(n).orElseThrow().validation(), 1e-12, "trial " + trial + " n " + n);
                assertEquals(expected[1], b.at(n).orElseThrow().test(), 1e-12, "trial " + trial + " n " + n);
            }
        }
    }

    @Test
    void moreBudgetNeverMakesTheExpectedValidationWorse() {
        TuningBudget b = TuningBudget.of("x", new double[] {0.5, 0.2, 0.9, 0.1}, new double[] {1, 2, 3, 4}, 12);
        for (int n = 2; n <= 12; n++) {
            assertTrue(b.at(n).orElseThrow().validation() <= b.at(n - 1).orElseThrow().validation());
        }
        // With a large budget the grid's best is almost surely drawn: its test value, not the best test value.
        assertEquals(4, TuningBudget.of("x", new double[] {0.5, 0.2, 0.9, 0.1}, new double[] {1, 2, 3, 4}, 200)
                .at(200).orElseThrow().test(), 1e-9);
    }

    @Test
    void oneConfigurationIsItsOwnValueAtEveryBudget() {
        TuningBudget b = TuningBudget.of("none", new double[] {0.25}, new double[] {7.5}, 4);
        b.steps().forEach(s -> {
            assertEquals(0.25, s.validation(), 0);
            assertEquals(7.5, s.test(), 0);
        });
        assertTrue(TuningBudget.of("none", new double[0], new double[0], 4).steps().isEmpty());
    }

    private static double[] enumerate(double[] validation, double[] test, int n) {
        int total = validation.length;
        int sequences = (int) Math.pow(total, n);
        double v = 0;
        double t = 0;
        for (int code = 0; code < sequences; code++) {
            int best = -1;
            int rest = code;
            for (int k = 0; k < n; k++) {
                int pick = rest % total;
                rest /= total;
                if (best < 0 || validation[pick] < validation[best] || (validation[pick] == validation[best] && pick < best)) {
                    best = pick;
                }
            }
            v += validation[best];
            t += test[best];
        }
        return new double[] {v / sequences, t / sequences};
    }
}
