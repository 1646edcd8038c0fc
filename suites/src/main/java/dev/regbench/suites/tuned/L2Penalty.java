package dev.regbench.suites.tuned;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * DL4J's {@link L2Regularization} — λ·w added to the gradient before the updater, penalty ½·λ·‖w‖² —
 * unchanged in what it does to training. DL4J computes the penalty's value at every training step (it is
 * part of {@code net.score()}); in training the fused update pass sums ‖w‖² as it reads the weights
 * ({@link NormPenalty}), elsewhere one vectorized pass ({@link BlasVectors#squaredNorm}), instead of
 * libnd4j's single-threaded norm2 reduction, which took about 9 % of an MNIST step. The value agrees with
 * DL4J's to float rounding (relative 1e-6; tested).
 */
public final class L2Penalty extends L2Regularization implements NormPenalty {
    /** @param lambda λ ≥ 0, the coefficient of ½·‖w‖² */
    public L2Penalty(double lambda) {
        super(lambda);
    }

    /** For JSON deserialization and {@link #clone()}. */
    public L2Penalty(@org.nd4j.shade.jackson.annotation.JsonProperty("l2") ISchedule l2) {
        super(l2);
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return score(BlasVectors.squaredNorm(param), Double.NaN, iteration, epoch);
    }

    /** @return ½·λ·Σw² */
    @Override
    public double score(double sumSquares, double sumAbs, int iteration, int epoch) {
        return 0.5 * l2.valueAt(iteration, epoch) * sumSquares;
    }

    @Override
    public Regularization clone() {
        return new L2Penalty(l2.clone());
    }
}
