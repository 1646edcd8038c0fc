package dev.regbench.reports.schema;

/**
 * The data a run saw.
 *
 * @param name          {@code mnist}, {@code fashion-mnist} or {@code polynomial}
 * @param trainSize     training examples used (a class-balanced subset of the published set, or all)
 * @param evalTrainSize training examples evaluated each epoch ("train" metrics): a fixed subset of the
 *                      training examples, as large as the test set, or all of them if fewer
 * @param testSize      test examples evaluated each epoch
 * @param dataSeed      seed of the training subset and of the polynomial data (the same for every run of a
 *                      suite, so regularizers and seeds see the same data)
 * @param polynomial    the polynomial task, for regression runs; absent otherwise
 */
public record DatasetInfo(String name, int trainSize, int evalTrainSize, int testSize, long dataSeed,
                          PolynomialInfo polynomial) {
}
