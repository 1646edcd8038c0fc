package dev.regbench.suites.tuned;

import java.util.List;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * One parameter array's penalty coefficients at one iteration, as DL4J's regularizations apply them: g += λ₁·sign(w)
 * and g += λ₂·w before the updater, update += decay·w after it (decay = coefficient · learning rate where DL4J's
 * {@code applyLR} says so). Each coefficient is DL4J's double schedule value rounded to float, summed in list order.
 * Shared by the fused update ({@link FusedUpdater}) and the Java step ({@link JavaStep}).
 *
 * @param l1    λ₁ ≥ 0
 * @param l2    λ₂ ≥ 0
 * @param decay post-updater weight decay ≥ 0, already multiplied by the learning rate if DL4J's {@code applyLR}
 */
record PenaltyCoefficients(float l1, float l2, float decay) {
    /**
     * @param penalties    L1, L2 and weight-decay regularizations (others are ignored: callers admit only these)
     * @param learningRate the updater's learning rate at this iteration
     * @return their coefficients at {@code iteration}, {@code epoch}
     */
    static PenaltyCoefficients of(List<Regularization> penalties, double learningRate, int iteration, int epoch) {
        float l1 = 0f;
        float l2 = 0f;
        float decay = 0f;
        for (Regularization penalty : penalties) {
            if (penalty instanceof L1Regularization p) {
                l1 += (float) p.getL1().valueAt(iteration, epoch);
            } else if (penalty instanceof L2Regularization p) {
                l2 += (float) p.getL2().valueAt(iteration, epoch);
            } else if (penalty instanceof WeightDecay p) {
                double scale = p.getCoeff().valueAt(iteration, epoch);
                decay += (float) (p.isApplyLR() ? scale * learningRate : scale);
            }
        }
        return new PenaltyCoefficients(l1, l2, decay);
    }
}
