package dev.regbench.suites.suite;

import dev.regbench.datasets.ImageDataset;
import dev.regbench.datasets.PolynomialSpec;
import dev.regbench.datasets.Split;
import java.util.List;

/**
 * What a suite trains on: an image classification dataset or the synthetic polynomial regression task, with its
 * three disjoint splits. The training-set size may be swept (a list of sizes): each size is its own condition,
 * with its own selection, and the report plots test performance against it.
 */
public sealed interface SuiteTask permits SuiteTask.ImageClassification, SuiteTask.PolynomialRegression {

    /** @return the dataset name as written in suite files and results */
    String datasetName();

    /** @return the training-set sizes, one per condition, in the order written, each ≥ 1 */
    List<Integer> trainSizes();

    /**
     * @return the label-noise fractions, one per condition (crossed with the training-set sizes), each in [0, 1];
     *         {@code [0]} (the true labels) unless a classification suite asks for noise
     */
    default List<Double> labelNoise() {
        return List.of(0.0);
    }

    /** @return validation examples, ≥ 0 (0 only for exploratory suites) */
    int validationSize();

    /** @return the largest training set the task allows (image datasets: what the validation set leaves) */
    int maxTrainSize();

    /** @return this task with one training-set size in place of the suite's list */
    SuiteTask withTrainSizes(List<Integer> sizes);

    /**
     * MNIST or Fashion-MNIST.
     *
     * @param dataset        which dataset
     * @param trainSizes     training examples per condition: class-balanced subsets of the published training
     *                       images that are not in the validation set, each in [1, 60000 − validationSize]
     * @param validationSize class-balanced validation examples carved from the published training images, in
     *                       [0, 59999] (default {@link #DEFAULT_VALIDATION_SIZE})
     * @param labelNoise     fractions of training labels replaced by uniformly random ones, one condition each, in
     *                       [0, 1], distinct (default {@code [0]}); validation and test labels stay true
     */
    record ImageClassification(ImageDataset dataset, List<Integer> trainSizes, int validationSize,
                               List<Double> labelNoise) implements SuiteTask {
        /** Srivastava et al. 2014 hold out 10,000 of MNIST's 60,000 training images for validation. */
        public static final int DEFAULT_VALIDATION_SIZE = 10_000;

        /** True labels, one condition per training-set size. */
        public ImageClassification(ImageDataset dataset, List<Integer> trainSizes, int validationSize) {
            this(dataset, trainSizes, validationSize, List.of(0.0));
        }

        /** Validates the sizes and noise fractions. */
        public ImageClassification {
            trainSizes = List.copyOf(trainSizes);
            labelNoise = List.copyOf(labelNoise);
            if (labelNoise.isEmpty() || labelNoise.stream().anyMatch(f -> !(f >= 0 && f <= 1))) {
                throw new IllegalArgumentException("labelNoise must list fractions in [0, 1] (of the training labels "
                        + "replaced by random ones), was " + labelNoise);
            }
            if (labelNoise.stream().distinct().count() != labelNoise.size()) {
                throw new IllegalArgumentException("labelNoise lists a fraction twice: " + labelNoise);
            }
            int published = dataset.size(Split.TRAIN);
            if (validationSize < 0 || validationSize >= published) {
                throw new IllegalArgumentException("validationSize must be in [0, " + (published - 1) + "], was "
                        + validationSize);
            }
            requireSizes(trainSizes, published - validationSize, "trainSize",
                    " (the " + published + " training images minus validationSize " + validationSize + ")");
        }

        @Override
        public String datasetName() {
            return dataset.id();
        }

        @Override
        public int maxTrainSize() {
            return dataset.size(Split.TRAIN) - validationSize;
        }

        @Override
        public SuiteTask withTrainSizes(List<Integer> sizes) {
            return new ImageClassification(dataset, sizes, validationSize, labelNoise);
        }
    }

    /**
     * y = p(x) + ε on [-1, 1].
     *
     * @param spec       the polynomial, noise and set sizes (its {@code trainPoints} is the first training size)
     * @param trainSizes training points per condition, each ≥ 1
     */
    record PolynomialRegression(PolynomialSpec spec, List<Integer> trainSizes) implements SuiteTask {
        /** Validates the sizes. */
        public PolynomialRegression {
            trainSizes = List.copyOf(trainSizes);
            requireSizes(trainSizes, 10_000_000, "polynomial.trainPoints", "");
            spec = spec.withTrainPoints(trainSizes.get(0));
        }

        /** @return a task with one training-set size */
        public static PolynomialRegression of(PolynomialSpec spec) {
            return new PolynomialRegression(spec, List.of(spec.trainPoints()));
        }

        @Override
        public String datasetName() {
            return "polynomial";
        }

        @Override
        public int validationSize() {
            return spec.validationPoints();
        }

        @Override
        public int maxTrainSize() {
            return 10_000_000;
        }

        @Override
        public SuiteTask withTrainSizes(List<Integer> sizes) {
            return new PolynomialRegression(spec, sizes);
        }

        /** @return the spec with a given training-set size */
        public PolynomialSpec spec(int trainSize) {
            return spec.withTrainPoints(trainSize);
        }
    }

    private static void requireSizes(List<Integer> sizes, int max, String field, String why) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException(field + " must give at least one size");
        }
        for (int n : sizes) {
            if (n < 1 || n > max) {
                throw new IllegalArgumentException(field + " must be in [1, " + max + "]" + why + ", was " + n);
            }
        }
        if (sizes.stream().distinct().count() != sizes.size()) {
            throw new IllegalArgumentException(field + " lists a size twice: " + sizes);
        }
    }
}
