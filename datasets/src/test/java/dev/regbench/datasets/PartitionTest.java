package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The validation / training split of a published training set, and per-seed training draws. */
class PartitionTest {
    /** MNIST's published training-class counts, in label order. */
    private static final int[] MNIST_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};

    private static int[] mnistLikeClasses() {
        int n = Arrays.stream(MNIST_COUNTS).sum();
        int[] classes = new int[n];
        int k = 0;
        for (int c = 0; c < MNIST_COUNTS.length; c++) {
            for (int i = 0; i < MNIST_COUNTS[c]; i++) {
                classes[k++] = c;
            }
        }
        Permutations.shuffle(classes, new java.util.Random(3)); // classes interleaved, as in the real file
        return classes;
    }

    private static int[] counts(int[] classes, int[] indices) {
        int[] counts = new int[10];
        for (int i : indices) {
            counts[classes[i]]++;
        }
        return counts;
    }

    @Test
    void validationAndPoolAreDisjointAndCoverEverything() {
        int[] classes = mnistLikeClasses();
        Partition p = Partition.of(classes, 10, 10_000, SeedPurpose.VALIDATION.derive(0));
        assertEquals(10_000, p.validation().length);
        assertEquals(50_000, p.pool().length);
        BitSet seen = new BitSet();
        for (int i : p.validation()) {
            assertFalse(seen.get(i));
            seen.set(i);
        }
        for (int i : p.pool()) {
            assertFalse(seen.get(i), "index " + i + " in both validation and pool");
            seen.set(i);
        }
        assertEquals(60_000, seen.cardinality());
        int[] expected = new int[10];
        Arrays.fill(expected, 1000);
        assertArrayEquals(expected, counts(classes, p.validation()), "class-balanced validation set");
    }

    @Test
    void trainingSubsetsComeFromThePoolOnlyAndAreBalanced() {
        int[] classes = mnistLikeClasses();
        Partition p = Partition.of(classes, 10, 10_000, SeedPurpose.VALIDATION.derive(0));
        BitSet validation = new BitSet();
        Arrays.stream(p.validation()).forEach(validation::set);
        for (long seed = 1; seed <= 3; seed++) {
            long root = DataDraw.PER_SEED.root(0, seed);
            int[] train = p.trainingSubset(classes, 10, 5000, SeedPurpose.TRAIN_SUBSET.derive(root));
            assertEquals(5000, Arrays.stream(train).distinct().count());
            assertTrue(Arrays.stream(train).noneMatch(validation::get), "training never overlaps validation");
            int[] c = counts(classes, train);
            assertTrue(Arrays.stream(c).allMatch(x -> x == 500), Arrays.toString(c));
        }
        int[] all = p.trainingSubset(classes, 10, 50_000, 1);
        assertArrayEquals(p.pool(), all, "the whole pool when trainSize is all that is left");
        assertThrows(IllegalArgumentException.class, () -> p.trainingSubset(classes, 10, 50_001, 1));
    }

    @Test
    void perSeedDrawsDifferByRunSeedAndFixedDrawsDoNot() {
        int[] classes = mnistLikeClasses();
        Partition p = Partition.of(classes, 10, 1000, SeedPurpose.VALIDATION.derive(0));
        int[] a = p.trainingSubset(classes, 10, 2000, SeedPurpose.TRAIN_SUBSET.derive(DataDraw.PER_SEED.root(0, 1)));
        int[] b = p.trainingSubset(classes, 10, 2000, SeedPurpose.TRAIN_SUBSET.derive(DataDraw.PER_SEED.root(0, 2)));
        assertFalse(Arrays.equals(a, b));
        assertEquals(DataDraw.FIXED.root(5, 1), DataDraw.FIXED.root(5, 2));
        assertNotEquals(DataDraw.PER_SEED.root(5, 1), DataDraw.PER_SEED.root(5, 2));
        assertNotEquals(DataDraw.PER_SEED.root(5, 1), DataDraw.PER_SEED.root(6, 1));
    }

    @Test
    void validationIsFixedByTheDataSeedAndMayBeEmpty() {
        int[] classes = mnistLikeClasses();
        assertArrayEquals(Partition.of(classes, 10, 500, 9).validation(), Partition.of(classes, 10, 500, 9).validation());
        assertFalse(Arrays.equals(Partition.of(classes, 10, 500, 9).validation(),
                Partition.of(classes, 10, 500, 10).validation()));
        Partition none = Partition.of(classes, 10, 0, 9);
        assertEquals(0, none.validation().length);
        assertEquals(60_000, none.pool().length);
        assertThrows(IllegalArgumentException.class, () -> Partition.of(classes, 10, 60_000, 9));
    }

    @Test
    void dataDrawNamesRoundTrip() {
        for (DataDraw d : DataDraw.values()) {
            assertEquals(d, DataDraw.of(d.id()));
        }
        assertEquals("per-seed", DataDraw.PER_SEED.id());
        assertThrows(IllegalArgumentException.class, () -> DataDraw.of("sometimes"));
    }
}
