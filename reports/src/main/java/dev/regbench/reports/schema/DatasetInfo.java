package dev.regbench.reports.schema;

/**
 * The data a run saw. Image datasets: a validation set is carved from the published training images (fixed
 * by {@code dataSeed}), the training subset is drawn from the rest, and the published test set is used as it
 * is; the three are disjoint. Polynomial task: validation and test points come from their own seed streams.
 *
 * @param name           {@code mnist}, {@code fashion-mnist} or {@code polynomial}
 * @param trainSize      training examples used
 * @param evalTrainSize  training examples evaluated each epoch ("train" metrics): a fixed subset of the
 *                       run's training examples, as large as the test set, or all of them if fewer
 * @param validationSize validation examples evaluated each epoch; 0 if the suite has no validation set
 * @param testSize       test examples evaluated each epoch
 * @param dataSeed       the suite's data seed: fixes the validation and test sets (and, with draw
 *                       {@code fixed}, the training examples)
 * @param draw           {@code fixed} (every run trains on the same examples) or {@code per-seed} (each run
 *                       seed draws its own training examples; regularizers still pair by seed)
 * @param classCounts    examples per class in each split (classification); absent for regression
 * @param polynomial     the polynomial task, for regression runs; absent otherwise
 * @param dataSha256     image datasets: SHA-256 over the verified SHA-256 of the dataset's four files (the
 *                       identity of the data trained on); absent for the polynomial task and in files of minor
 *                       version 0
 * @param labelNoise     fraction of the training labels replaced by uniformly random ones (a label-noise
 *                       condition, Zhang et al. 2017), in (0, 1]; absent for the true labels (and in files of
 *                       minor version &lt; 2). Training metrics are measured against the labels trained on;
 *                       validation and test labels are always true. {@code classCounts.train} counts true labels
 * @param noisyLabels    with label noise: how many training labels differ from the true ones (a replaced label
 *                       equals the true one with probability 1/classes); absent otherwise
 */
public record DatasetInfo(String name, int trainSize, int evalTrainSize, int validationSize, int testSize,
                          long dataSeed, String draw, ClassCounts classCounts, PolynomialInfo polynomial,
                          String dataSha256, Double labelNoise, Integer noisyLabels) {

    /** @return the label-noise fraction, 0 for the true labels */
    public double labelNoiseOrZero() {
        return labelNoise == null ? 0 : labelNoise;
    }
}
