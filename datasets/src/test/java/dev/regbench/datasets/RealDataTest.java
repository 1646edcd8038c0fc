package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The real, published files: counts and per-class label counts as published. */
class RealDataTest {
    @Test
    void mnistHasThePublishedClassCounts() throws Exception {
        ImageData mnist = new ImageDataLoader(RealData.directory(ImageDataset.MNIST)).load(ImageDataset.MNIST);
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        assertArrayEquals(new long[] {60_000, 784}, mnist.train().features().shape());
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                mnist.train().classCounts());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                mnist.test().classCounts());
        // The first training image is the famous "5", the first test image a "7".
        assertEquals(5, mnist.train().classes()[0]);
        assertEquals(7, mnist.test().classes()[0]);
        assertEquals(0.0, mnist.train().features().minNumber().doubleValue());
        assertEquals(1.0, mnist.train().features().maxNumber().doubleValue());
        double meanPixel = mnist.train().features().meanNumber().doubleValue();
        assertEquals(0.1307, meanPixel, 5e-4, "the well-known MNIST training mean");
    }

    @Test
    void fashionMnistIsBalanced() throws Exception {
        ImageData fashion = new ImageDataLoader(RealData.directory(ImageDataset.FASHION_MNIST))
                .load(ImageDataset.FASHION_MNIST);
        int[] train = new int[10];
        Arrays.fill(train, 6000);
        int[] test = new int[10];
        Arrays.fill(test, 1000);
        assertArrayEquals(train, fashion.train().classCounts());
        assertArrayEquals(test, fashion.test().classCounts());
        assertEquals(9, fashion.train().classes()[0], "the first Fashion-MNIST training item is an ankle boot");
        assertTrue(fashion.train().features().maxNumber().doubleValue() <= 1.0);
    }

    @Test
    void mnistSplitsAreDisjointAndValidationIsClassBalanced() throws Exception {
        ImageData mnist = new ImageDataLoader(RealData.directory(ImageDataset.MNIST)).load(ImageDataset.MNIST);
        int[] classes = mnist.train().classes();
        Partition p = Partition.of(classes, 10, 10_000, SeedPurpose.VALIDATION.derive(0));
        java.util.BitSet validation = new java.util.BitSet();
        Arrays.stream(p.validation()).forEach(validation::set);
        assertEquals(10_000, validation.cardinality());
        int[] perClass = new int[10];
        Arrays.stream(p.validation()).forEach(i -> perClass[classes[i]]++);
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, perClass, "1,000 validation images per class");
        for (long seed = 1; seed <= 3; seed++) {
            int[] train = p.trainingSubset(classes, 10, 20_000, SeedPurpose.TRAIN_SUBSET.derive(DataDraw.PER_SEED.root(0, seed)));
            assertTrue(Arrays.stream(train).noneMatch(validation::get), "no index in both training and validation");
            int[] counts = new int[10];
            Arrays.stream(train).forEach(i -> counts[classes[i]]++);
            assertTrue(Arrays.stream(counts).allMatch(c -> c == 2000), Arrays.toString(counts));
        }
        int[] all = p.trainingSubset(classes, 10, 50_000, 1);
        assertEquals(50_000, all.length);
        assertTrue(Arrays.stream(all).noneMatch(validation::get));
    }

    @Test
    void verifierAcceptsEveryRealFile() {
        for (ImageDataset d : ImageDataset.values()) {
            for (FileCheck check : new DatasetFiles(RealData.directory(d)).check(d)) {
                assertTrue(check.ok(), check.describe());
            }
        }
    }
}
