package dev.regbench.reports.schema;

/**
 * Measurements after one evaluated epoch (epoch 0: before training; then every epoch, or every
 * {@code evaluateEvery}-th and the last), all taken in inference mode (no dropout) on three disjoint data splits. Losses are the pure data loss, without the regularization penalty: mean
 * cross-entropy (nats) for classifiers, mean squared error for regression.
 *
 * @param epoch             0 (before training) to the number of epochs
 * @param train             the fixed evaluation subset of this run's training examples (as large as the
 *                          test set, or all of them)
 * @param validation        the validation set; absent when the suite has none (exploratory suites)
 * @param test              the test set
 * @param lossGap           {@code test.loss − train.loss}: the generalization gap; absent where the test loss is
 * @param accuracyGap       {@code train.accuracy − test.accuracy} (classifiers), else absent
 * @param penalty           the regularization term DL4J adds to the score (e.g. ½·λ·Σw²); 0 for none
 * @param weightL1          Σ|w| over all weight matrices (biases excluded)
 * @param weightL2          √Σw² over all weight matrices (biases excluded)
 * @param nearZeroFraction  fraction of weights with |w| &lt; 1e-3, in [0, 1]
 * @param maxUnitNorm       the largest L2 norm of any unit's incoming weight vector, over all layers (what a
 *                          max-norm constraint bounds); absent in files of minor version &lt; 2
 * @param trainSeconds      wall time of the training steps since the previous evaluation, in seconds (0 for
 *                          epoch 0)
 * @param evalSeconds       wall time of this evaluation, in seconds
 * @param examplesPerSecond training throughput since the previous evaluation (absent for epoch 0)
 * @param elapsedSeconds    wall time since the run started, in seconds
 */
public record EpochMetrics(int epoch, SplitMetrics train, SplitMetrics validation, SplitMetrics test,
                           Double lossGap, Double accuracyGap, double penalty, double weightL1, double weightL2,
                           double nearZeroFraction, Double maxUnitNorm, double trainSeconds, double evalSeconds,
                           Double examplesPerSecond, double elapsedSeconds) {
    /** Records a non-finite gap as absent (JSON has no NaN). */
    public EpochMetrics {
        lossGap = lossGap == null || !Double.isFinite(lossGap) ? null : lossGap;
    }
}
