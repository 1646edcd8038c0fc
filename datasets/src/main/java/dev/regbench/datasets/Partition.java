package dev.regbench.datasets;

import java.util.Arrays;

/**
 * How a published training set is divided: a validation set, class-balanced and fixed by the data seed, and
 * the pool of all other examples, from which training subsets are drawn. The two are disjoint and together
 * cover the published set; the published test set is separate and never part of either. Pure index
 * arithmetic (no ND4J): indices refer to the published training set.
 *
 * @param validation indices of the validation examples, ascending, possibly empty
 * @param pool       indices of every other example, ascending
 */
public record Partition(int[] validation, int[] pool) {

    /**
     * @param classes        class of each published training example, in {@code [0, numClasses)}
     * @param numClasses     number of classes
     * @param validationSize examples held out for validation, in {@code [0, classes.length - 1]}
     * @param seed           seed of the validation draw ({@link SeedPurpose#VALIDATION} of the data seed)
     * @return the partition; class counts of the validation set differ by at most one
     */
    public static Partition of(int[] classes, int numClasses, int validationSize, long seed) {
        if (validationSize < 0 || validationSize >= classes.length) {
            throw new IllegalArgumentException("validationSize must be in [0, " + (classes.length - 1) + "], was "
                    + validationSize);
        }
        int[] validation = validationSize == 0 ? new int[0]
                : Permutations.balancedSubset(classes, numClasses, validationSize, seed);
        boolean[] held = new boolean[classes.length];
        for (int i : validation) {
            held[i] = true;
        }
        int[] pool = new int[classes.length - validation.length];
        int k = 0;
        for (int i = 0; i < classes.length; i++) {
            if (!held[i]) {
                pool[k++] = i;
            }
        }
        return new Partition(validation, pool);
    }

    /**
     * A class-balanced training subset of the pool (all of the pool if {@code size} equals its size).
     *
     * @param classes    class of each published training example
     * @param numClasses number of classes
     * @param size       subset size, in {@code [1, pool.length]}
     * @param seed       seed of the draw ({@link SeedPurpose#TRAIN_SUBSET} of the run's draw root)
     * @return indices into the published training set, ascending, all from the pool
     */
    public int[] trainingSubset(int[] classes, int numClasses, int size, long seed) {
        if (size < 1 || size > pool.length) {
            throw new IllegalArgumentException("trainSize must be in [1, " + pool.length + "] (the training images "
                    + "left after the validation set), was " + size);
        }
        if (size == pool.length) {
            return pool.clone();
        }
        int[] poolClasses = new int[pool.length];
        for (int i = 0; i < pool.length; i++) {
            poolClasses[i] = classes[pool[i]];
        }
        int[] chosen = Permutations.balancedSubset(poolClasses, numClasses, size, seed);
        int[] indices = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            indices[i] = pool[chosen[i]];
        }
        Arrays.sort(indices);
        return indices;
    }
}
