package dev.regbench.datasets;

import java.util.Random;

/**
 * Label noise for the randomization test (Zhang et al. 2017, "Understanding deep learning requires rethinking
 * generalization"): a fraction f of the training examples — exactly round(f·n) of them, chosen by a seeded
 * permutation — get a label drawn uniformly from all classes (so about 1/K of the replaced labels equal the true
 * one by chance, as in the paper's "random labels"). Validation and test labels are never touched.
 *
 * @param classes  the labels after replacement, one per training example
 * @param replaced how many labels were replaced by a random draw, round(f·n)
 * @param changed  how many of those differ from the true label
 */
public record LabelNoise(int[] classes, int replaced, int changed) {

    /**
     * @param classes    the true labels of the training examples, each in {@code [0, numClasses)}
     * @param numClasses number of classes, ≥ 2
     * @param fraction   f in [0, 1]: the fraction of labels replaced
     * @param seed       seed of which labels are replaced and by what
     * @return the noisy labels ({@code classes} itself is not modified)
     */
    public static LabelNoise apply(int[] classes, int numClasses, double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("labelNoise must be in [0, 1], was " + fraction);
        }
        int[] noisy = classes.clone();
        int replaced = (int) Math.round(fraction * classes.length);
        Random rng = new Random(seed);
        int[] order = Permutations.permutation(classes.length, rng);
        int changed = 0;
        for (int i = 0; i < replaced; i++) {
            int index = order[i];
            noisy[index] = rng.nextInt(numClasses);
            if (noisy[index] != classes[index]) {
                changed++;
            }
        }
        return new LabelNoise(noisy, replaced, changed);
    }
}
