package dev.regbench.suites.suite;

import dev.regbench.datasets.ImageDataset;
import dev.regbench.datasets.PolynomialSpec;

/** What a suite trains on: an image classification dataset or the synthetic polynomial regression task. */
public sealed interface SuiteTask permits SuiteTask.ImageClassification, SuiteTask.PolynomialRegression {

    /** @return the dataset name as written in suite files and results */
    String datasetName();

    /**
     * MNIST or Fashion-MNIST.
     *
     * @param dataset   which dataset
     * @param trainSize training examples to use: a class-balanced subset of the 60,000, in [1, 60000]
     */
    record ImageClassification(ImageDataset dataset, int trainSize) implements SuiteTask {
        /** Validates the subset size. */
        public ImageClassification {
            if (trainSize < 1 || trainSize > dataset.size(dev.regbench.datasets.Split.TRAIN)) {
                throw new IllegalArgumentException("trainSize must be in [1, "
                        + dataset.size(dev.regbench.datasets.Split.TRAIN) + "], was " + trainSize);
            }
        }

        @Override
        public String datasetName() {
            return dataset.id();
        }
    }

    /**
     * y = p(x) + ε on [-1, 1].
     *
     * @param spec the polynomial, noise and set sizes
     */
    record PolynomialRegression(PolynomialSpec spec) implements SuiteTask {
        @Override
        public String datasetName() {
            return "polynomial";
        }
    }
}
