package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PermutationsTest {
    private static int[] skewedClasses() {
        int[] classes = new int[1000];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i < 500 ? 0 : (i % 3) + 1; // class 0 is half the data
        }
        return classes;
    }

    @Test
    void permutationIsAPermutation() {
        int[] p = Permutations.permutation(1000, new Random(1));
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertFalse(Arrays.equals(sorted, p));
    }

    @Test
    void balancedSubsetIsBalancedDistinctAndDeterministic() {
        int[] classes = skewedClasses();
        int[] subset = Permutations.balancedSubset(classes, 4, 202, 5);
        assertEquals(202, subset.length);
        assertEquals(202, Arrays.stream(subset).distinct().count());
        int[] counts = new int[4];
        for (int i : subset) {
            counts[classes[i]]++;
        }
        int max = Arrays.stream(counts).max().orElseThrow();
        int min = Arrays.stream(counts).min().orElseThrow();
        assertTrue(max - min <= 1, Arrays.toString(counts));
        assertArrayEquals(subset, Permutations.balancedSubset(classes, 4, 202, 5));
        assertFalse(Arrays.equals(subset, Permutations.balancedSubset(classes, 4, 202, 6)));
    }

    @Test
    void balancedSubsetFillsFromOtherClassesWhenOneRunsOut() {
        int[] classes = new int[] {0, 0, 0, 0, 0, 0, 1};
        int[] subset = Permutations.balancedSubset(classes, 2, 5, 1);
        assertEquals(5, subset.length);
        assertTrue(Arrays.stream(subset).anyMatch(i -> i == 6), "the only class-1 example is taken");
    }

    @Test
    void subsetSizeIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> Permutations.balancedSubset(new int[3], 2, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> Permutations.balancedSubset(new int[3], 2, 0, 0));
    }

    @Test
    void seedPurposesGiveDifferentSeeds() {
        long a = SeedPurpose.INIT.derive(1);
        assertEquals(a, SeedPurpose.INIT.derive(1));
        assertNotEquals(a, SeedPurpose.SHUFFLE.derive(1));
        assertNotEquals(a, SeedPurpose.INIT.derive(2));
    }
}
