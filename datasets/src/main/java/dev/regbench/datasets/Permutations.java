package dev.regbench.datasets;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded index permutations and subsets. Uses {@link java.util.Random}, whose algorithm the Java
 * specification fixes, so the same seed gives the same indices on every JVM.
 */
public final class Permutations {
    private Permutations() {
    }

    /** @return a uniformly random permutation of {@code 0..n-1} (Fisher–Yates) drawn from {@code rng} */
    public static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }

    /** Shuffles {@code a} in place (Fisher–Yates) with {@code rng}. */
    public static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * A class-balanced subset: walks a seeded permutation and takes examples round-robin over the classes,
     * so class counts differ by at most one while every class has examples left.
     *
     * @param classes    class of each example, in {@code [0, numClasses)}
     * @param numClasses number of classes
     * @param n          subset size, in {@code [1, classes.length]}
     * @param seed       seed of the permutation
     * @return {@code n} distinct indices, ascending
     */
    public static int[] balancedSubset(int[] classes, int numClasses, int n, long seed) {
        if (n < 1 || n > classes.length) {
            throw new IllegalArgumentException("subset size must be in [1, " + classes.length + "], was " + n);
        }
        int[] order = permutation(classes.length, new Random(seed));
        int[][] byClass = new int[numClasses][];
        int[] fill = new int[numClasses];
        int[] counts = new int[numClasses];
        for (int c : classes) {
            counts[c]++;
        }
        for (int c = 0; c < numClasses; c++) {
            byClass[c] = new int[counts[c]];
        }
        for (int index : order) {
            int c = classes[index];
            byClass[c][fill[c]++] = index;
        }
        int[] taken = new int[numClasses];
        int[] subset = new int[n];
        int size = 0;
        while (size < n) {
            for (int c = 0; c < numClasses && size < n; c++) {
                if (taken[c] < byClass[c].length) {
                    subset[size++] = byClass[c][taken[c]++];
                }
            }
        }
        Arrays.sort(subset);
        return subset;
    }
}
