package dev.regbench.datasets;

/**
 * A verified image dataset in memory: the published training and test sets.
 *
 * @param dataset which dataset
 * @param train   the 60,000 training examples
 * @param test    the 10,000 test examples
 */
public record ImageData(ImageDataset dataset, ClassificationSet train, ClassificationSet test) {
}
