package dev.regbench.reports.stats;

/**
 * One epoch of a learning curve over seeds.
 *
 * @param epoch      epoch number (0 = before training)
 * @param train      training data loss over the completed seeds
 * @param validation validation data loss over the completed seeds (n = 0 without a validation set)
 * @param test       test data loss over the completed seeds
 * @param trainAccuracy training accuracy (fraction, against the labels trained on) over the completed seeds
 *                      (n = 0 for regression)
 * @param testAccuracy  test accuracy (fraction) over the completed seeds (n = 0 for regression)
 */
public record CurvePoint(int epoch, Summary train, Summary validation, Summary test, Summary trainAccuracy,
                         Summary testAccuracy) {
}
