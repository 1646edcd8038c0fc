package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class MinibatchIteratorTest {
    /** Row i has features (i, -i) and target i + 0.5, so a batch tells which rows it holds. */
    private static Examples indexed(int n) {
        float[] f = new float[2 * n];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            f[2 * i] = i;
            f[2 * i + 1] = -i;
            t[i] = i + 0.5f;
        }
        return new Examples(Nd4j.create(f, new long[] {n, 2}, 'c'), Nd4j.create(t, new long[] {n, 1}, 'c'));
    }

    private static List<Integer> epoch(MinibatchIterator it, List<Integer> batchSizes) {
        List<Integer> rows = new ArrayList<>();
        while (it.hasNext()) {
            DataSet b = it.next();
            INDArray f = b.getFeatures();
            batchSizes.add((int) f.rows());
            for (int r = 0; r < f.rows(); r++) {
                int i = (int) f.getFloat(r, 0);
                assertEquals(-i, f.getFloat(r, 1), 0f, "features stay together");
                assertEquals(i + 0.5f, b.getLabels().getFloat(r, 0), 0f, "targets stay with their features");
                rows.add(i);
            }
        }
        return rows;
    }

    @Test
    void everyExampleExactlyOncePerEpochWithPartialLastBatch() {
        MinibatchIterator it = MinibatchIterator.shuffled(indexed(103), 10, 77);
        List<Integer> sizes = new ArrayList<>();
        List<Integer> rows = epoch(it, sizes);
        assertEquals(103, rows.size());
        assertEquals(103, rows.stream().distinct().count());
        assertEquals(11, sizes.size());
        assertEquals(3, sizes.get(10));
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void reshufflesEveryEpochReproducibly() {
        MinibatchIterator a = MinibatchIterator.shuffled(indexed(50), 8, 5);
        MinibatchIterator b = MinibatchIterator.shuffled(indexed(50), 8, 5);
        List<Integer> a1 = epoch(a, new ArrayList<>());
        a.reset();
        List<Integer> a2 = epoch(a, new ArrayList<>());
        assertFalse(a1.equals(a2), "a new order each epoch");
        assertEquals(a1, epoch(b, new ArrayList<>()));
        b.reset();
        assertEquals(a2, epoch(b, new ArrayList<>()), "epoch k's order depends only on seed and k");
        MinibatchIterator c = MinibatchIterator.shuffled(indexed(50), 8, 6);
        assertFalse(a1.equals(epoch(c, new ArrayList<>())));
    }

    @Test
    void inOrderKeepsTheDataOrder() {
        MinibatchIterator it = MinibatchIterator.inOrder(indexed(25), 10);
        List<Integer> rows = epoch(it, new ArrayList<>());
        int[] expected = new int[25];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, rows.stream().mapToInt(Integer::intValue).toArray());
        it.reset();
        assertEquals(25, epoch(it, new ArrayList<>()).size());
        assertFalse(it.asyncSupported());
    }

    @Test
    void smallArraysGatheredInJavaAndLargeOnesNativelyHoldTheSameRows() {
        // 30 rows (60 floats) are gathered in Java, 40,000 rows (80,000 floats) by libnd4j's pullRows.
        for (int n : new int[] {30, 40_000}) {
            Examples data = indexed(n);
            MinibatchIterator it = MinibatchIterator.shuffled(data, n / 3 + 1, 4);
            int[] expectedOrder = new int[n];
            List<Integer> sizes = new ArrayList<>();
            List<Integer> rows = epoch(it, sizes);
            for (int i = 0; i < n; i++) {
                expectedOrder[i] = rows.get(i);
            }
            // The same rows as libnd4j's gather of the same indices, value for value.
            it.reset();
            List<Integer> second = new ArrayList<>();
            int from = 0;
            while (it.hasNext()) {
                DataSet b = it.next();
                int[] indices = new int[(int) b.getFeatures().rows()];
                for (int r = 0; r < indices.length; r++) {
                    indices[r] = (int) b.getFeatures().getFloat(r, 0);
                    second.add(indices[r]);
                }
                assertEquals(Nd4j.pullRows(data.features(), 1, indices), b.getFeatures(), "features, n = " + n);
                assertEquals(Nd4j.pullRows(data.targets(), 1, indices), b.getLabels(), "targets, n = " + n);
                from += indices.length;
            }
            assertEquals(n, from);
            assertEquals(n, new java.util.HashSet<>(rows).size(), "every row once, n = " + n);
            assertFalse(Arrays.equals(expectedOrder, second.stream().mapToInt(Integer::intValue).toArray()),
                    "the next epoch is another permutation");
        }
    }
}
