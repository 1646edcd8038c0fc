package dev.regbench.reports.schema;

/**
 * A network measured on one data split in inference mode (no dropout).
 *
 * @param loss     mean data loss per example, without the regularization penalty: cross-entropy in nats
 *                 (classification, computed from the logits in double precision) or mean squared error
 *                 (regression), ≥ 0; absent (null) where it was not finite, which a completed run allows only on
 *                 the test split: training and validation losses decide divergence, the test loss decides nothing
 * @param accuracy fraction classified correctly, in [0, 1] (classification); absent for regression
 */
public record SplitMetrics(Double loss, Double accuracy) {
    /** Records a non-finite loss as absent (JSON has no NaN). */
    public SplitMetrics {
        loss = loss == null || !Double.isFinite(loss) ? null : loss;
    }


    /** @return the error rate in percent, 100 · (1 − accuracy); null for regression */
    public Double errorPercent() {
        return accuracy == null ? null : 100 * (1 - accuracy);
    }
}
