package dev.regbench.suites.tuned;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * DL4J's {@link L1Regularization} — λ·sign(w) added to the gradient before the updater, penalty λ·‖w‖₁ —
 * unchanged in what it does to training. DL4J computes the penalty's value at every training step (it is
 * part of {@code net.score()}); in training the fused update pass sums ‖w‖₁ as it reads the weights
 * ({@link NormPenalty}), elsewhere one vectorized pass ({@link BlasVectors#absSum}), instead of libnd4j's
 * single-threaded norm1 reduction. The value agrees with DL4J's to float rounding (tested).
 */
public final class L1Penalty extends L1Regularization implements NormPenalty {
    /** @param lambda λ ≥ 0, the coefficient of ‖w‖₁ */
    public L1Penalty(double lambda) {
        super(lambda);
    }

    /** For JSON deserialization and {@link #clone()}. */
    public L1Penalty(@org.nd4j.shade.jackson.annotation.JsonProperty("l1") ISchedule l1) {
        super(l1);
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return score(Double.NaN, BlasVectors.absSum(param), iteration, epoch);
    }

    /** @return λ·Σ|w| */
    @Override
    public double score(double sumSquares, double sumAbs, int iteration, int epoch) {
        return l1.valueAt(iteration, epoch) * sumAbs;
    }

    @Override
    public Regularization clone() {
        return new L1Penalty(l1.clone());
    }
}
