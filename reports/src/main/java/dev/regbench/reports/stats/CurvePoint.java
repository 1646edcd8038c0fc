package dev.regbench.reports.stats;

/**
 * One epoch of a learning curve over seeds.
 *
 * @param epoch epoch number (0 = before training)
 * @param train training data loss over the completed seeds
 * @param test  test data loss over the completed seeds
 */
public record CurvePoint(int epoch, Summary train, Summary test) {
}
