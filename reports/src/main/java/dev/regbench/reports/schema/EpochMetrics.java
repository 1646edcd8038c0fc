package dev.regbench.reports.schema;

/**
 * Measurements after one epoch (epoch 0: before training), all taken in inference mode (no dropout).
 * Losses are the pure data loss, without the regularization penalty: mean cross-entropy (nats) for
 * classifiers, mean squared error for regression.
 *
 * @param epoch             0 (before training) to the number of epochs
 * @param trainLoss         data loss on the fixed training evaluation subset
 * @param testLoss          data loss on the test set
 * @param lossGap           {@code testLoss − trainLoss}: the generalization gap
 * @param penalty           the regularization term DL4J adds to the score (e.g. ½·λ·Σw²); 0 for none
 * @param trainAccuracy     fraction correct in [0, 1] on the training evaluation subset (classifiers)
 * @param testAccuracy      fraction correct in [0, 1] on the test set (classifiers)
 * @param accuracyGap       {@code trainAccuracy − testAccuracy} (classifiers)
 * @param trainMse          mean squared error on the training set (regression; equals trainLoss)
 * @param testMse           mean squared error on the test set (regression; equals testLoss)
 * @param weightL1          Σ|w| over all weight matrices (biases excluded)
 * @param weightL2          √Σw² over all weight matrices (biases excluded)
 * @param nearZeroFraction  fraction of weights with |w| &lt; 1e-3, in [0, 1]
 * @param trainSeconds      wall time of this epoch's training steps, in seconds (0 for epoch 0)
 * @param evalSeconds       wall time of this epoch's evaluation, in seconds
 * @param examplesPerSecond training throughput of this epoch (absent for epoch 0)
 * @param elapsedSeconds    wall time since the run started, in seconds
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double lossGap, double penalty,
                           Double trainAccuracy, Double testAccuracy, Double accuracyGap, Double trainMse,
                           Double testMse, double weightL1, double weightL2, double nearZeroFraction,
                           double trainSeconds, double evalSeconds, Double examplesPerSecond,
                           double elapsedSeconds) {
}
