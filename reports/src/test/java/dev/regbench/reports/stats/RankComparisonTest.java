package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference values from SciPy 1.10.1 (Debian python3-scipy): {@code scipy.stats.friedmanchisquare(*A.T)} for the
 * statistic and p-value (tie-corrected), {@code scipy.stats.rankdata} per row for the average ranks,
 * {@code scipy.stats.f.sf(F, k - 1, (k - 1)(N - 1))} for the Iman–Davenport p; and Demšar (2006), section 3.2.2,
 * for the critical difference of 4 classifiers on 14 data sets (1.25).
 */
class RankComparisonTest {
    private static final List<String> ARMS4 = List.of("none", "l1", "l2", "dropout-l2");

    /** Six conditions, ties in two of them (blocks 2 and 5). */
    private static final double[][] A = {{7.2, 7.1, 7.3, 6.9}, {0.17, 0.16, 0.17, 0.15}, {12.0, 11.5, 11.0, 10.9},
            {3.3, 3.4, 3.2, 3.1}, {21.6, 21.6, 21.7, 21.2}, {0.5, 0.45, 0.47, 0.44}};

    @Test
    void agreesWithScipyWithTies() {
        RankComparison r = RankComparison.of(ARMS4, List.of("a", "b", "c", "d", "e", "f"), A);
        assertEquals(10.0 / 3, r.averageRanks().get(0), 1e-12);
        assertEquals(2.5833333333333335, r.averageRanks().get(1), 1e-12);
        assertEquals(3.0833333333333335, r.averageRanks().get(2), 1e-12);
        assertEquals(1.0, r.averageRanks().get(3), 1e-12);
        assertEquals(12.258620689655181, r.chiSquare(), 1e-10);
        assertEquals(0.00654775812764732, r.pValue(), 1e-10);
        assertEquals(10.6756756756757, r.imanDavenport(), 1e-9);
        assertEquals(0.0005211677098896073, r.pImanDavenport(), 1e-10);
        assertTrue(r.ranksDiffer());
    }

    @Test
    void agreesWithScipyWithoutTies() {
        double[][] b = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {1, 2, 3}, {1, 2, 3}};
        RankComparison r = RankComparison.of(List.of("x", "y", "z"), List.of("1", "2", "3", "4", "5"), b);
        assertEquals(6.400000000000006, r.chiSquare(), 1e-10);
        assertEquals(0.04076220397836611, r.pValue(), 1e-10);
        assertEquals(7.1111111111111285, r.imanDavenport(), 1e-9);
        assertEquals(0.016796159999999893, r.pImanDavenport(), 1e-10);
    }

    /** Demšar (2006), 3.2.2: q_0.05 = 2.569 for k = 4, N = 14 data sets: CD = 2.569 √(4·5/(6·14)) = 1.25. */
    @Test
    void criticalDifferenceMatchesDemsarsExample() {
        double[][] values = new double[14][4];
        for (int i = 0; i < 14; i++) {
            values[i] = new double[] {i % 4, (i + 1) % 4, (i + 2) % 4, (i + 3) % 4};
        }
        RankComparison r = RankComparison.of(ARMS4, java.util.stream.IntStream.range(0, 14).mapToObj(String::valueOf)
                .toList(), values);
        assertEquals(1.25, r.criticalDifference(), 0.005);
    }

    @Test
    void ranksShareTiesAndGroupsJoinArmsWithinTheCriticalDifference() {
        assertArrayEquals(new double[] {2.5, 1, 2.5, 4}, RankComparison.ranks(new double[] {2, 1, 2, 3}), 0);
        // 6 blocks, k = 4: CD = 2.569 √(20/36) = 1.915. Average ranks 3.33, 2.58, 3.08, 1.0: dropout-l2 (1.0) and
        // l1 (2.58) lie within it, as do l1, l2 and none (2.58 … 3.33); dropout-l2 and none (2.33 apart) do not.
        RankComparison r = RankComparison.of(ARMS4, List.of("a", "b", "c", "d", "e", "f"), A);
        assertEquals(1.915, r.criticalDifference(), 0.001);
        assertEquals(List.of(List.of(3, 1), List.of(1, 2, 0)), r.indistinguishable());
        assertArrayEquals(new Integer[] {3, 1, 2, 0}, r.byRank());
    }

    @Test
    void identicalRankingsInEveryBlockAndBadInput() {
        double[][] same = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}};
        RankComparison r = RankComparison.of(List.of("a", "b", "c"), List.of("1", "2", "3"), same);
        assertEquals(6.0, r.chiSquare(), 1e-12); // the maximum, N(k − 1)
        assertTrue(Double.isNaN(r.imanDavenport()));
        assertEquals(0, r.pImanDavenport());
        assertThrows(IllegalArgumentException.class, () -> RankComparison.of(List.of("a"), List.of("1", "2"),
                new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> RankComparison.of(List.of("a", "b"), List.of("1", "2"),
                new double[][] {{1, Double.NaN}, {2, 1}}));
        assertFalse(RankComparison.of(List.of("a", "b"), List.of("1", "2"), new double[][] {{1, 2}, {2, 1}})
                .ranksDiffer());
    }
}
