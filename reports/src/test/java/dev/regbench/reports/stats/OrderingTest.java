package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kendall's τ-b against SciPy 1.17's {@code scipy.stats.kendalltau} (τ-b, ties included). */
class OrderingTest {
    @Test
    void tauMatchesScipyAndSwappedPairsAreNamed() {
        Ordering o = Ordering.of(List.of("l2", "l1-l2", "max-norm", "dropout-l2", "dropout-max-norm"),
                new double[] {1.62, 1.60, 1.35, 1.25, 1.05}, new double[] {1.5, 1.7, 1.4, 1.2, 1.3});
        assertEquals(0.6, o.tau(), 1e-12);
        assertEquals(10, o.pairs());
        assertEquals(List.of("l1-l2 < l2", "dropout-max-norm < dropout-l2"), o.swapped());
        assertEquals(0.6666666666666666, Ordering.of(List.of("a", "b", "c", "d", "e"), new double[] {1, 2, 2, 3, 4},
                new double[] {2, 1, 3, 3, 5}).tau(), 1e-12);
        assertEquals(-1.0, Ordering.of(List.of("a", "b", "c"), new double[] {1, 2, 3}, new double[] {3, 2, 1}).tau());
        assertEquals(Double.NaN, Ordering.of(List.of("a"), new double[] {1}, new double[] {2}).tau());
    }
}
