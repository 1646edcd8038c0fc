package dev.regbench.suites.tuned;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * DL4J's {@link WeightDecay} with {@code applyLR = true} — after the updater, the update gains
 * learning rate × λ × w — unchanged in what it does to training. Like {@link L2Penalty}, it computes the value
 * DL4J adds to the score (½·λ·‖w‖², not scaled by the learning rate) with one BLAS dot product instead of
 * libnd4j's single-threaded norm2 reduction. The value agrees with DL4J's to float rounding (tested).
 */
public final class DecoupledWeightDecay extends WeightDecay implements NormPenalty {
    /** @param lambda λ ≥ 0: each step subtracts learning rate × λ × w */
    public DecoupledWeightDecay(double lambda) {
        super(lambda, true);
    }

    /** For JSON deserialization and {@link #clone()}. */
    public DecoupledWeightDecay(@org.nd4j.shade.jackson.annotation.JsonProperty("coeff") ISchedule coeff,
                                @org.nd4j.shade.jackson.annotation.JsonProperty("applyLR") boolean applyLR) {
        super(coeff, applyLR);
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return score(BlasVectors.squaredNorm(param), Double.NaN, iteration, epoch);
    }

    /** @return ½·λ·Σw² */
    @Override
    public double score(double sumSquares, double sumAbs, int iteration, int epoch) {
        return 0.5 * coeff.valueAt(iteration, epoch) * sumSquares;
    }

    @Override
    public Regularization clone() {
        return new DecoupledWeightDecay(coeff.clone(), applyLR);
    }
}
