package dev.regbench.suites.network;

import java.util.Locale;

/**
 * One orthogonal piece of a {@link Regularizer}: a penalty (L1, L2), decoupled weight decay, a weight constraint
 * (max-norm) or unit noise (dropout). A regularizer holds at most one component of each type; the
 * {@link NetworkFactory} turns each into its DL4J mechanism, named in {@link #dl4jDescription()} and in every
 * result file.
 */
public sealed interface Component permits Component.L1, Component.L2, Component.WeightDecay, Component.MaxNorm,
        Component.Dropout {

    /** @return how DL4J applies it, in words */
    String dl4jDescription();

    /**
     * L1 penalty: DL4J {@code L1Regularization}; score += λ·Σ|w|, gradient += λ·sign(w) before the updater.
     *
     * @param lambda λ, finite and ≥ 0
     */
    record L1(double lambda) implements Component {
        /** Validates λ. */
        public L1 {
            requireStrength("lambda", lambda);
        }

        @Override
        public String dl4jDescription() {
            return "DL4J l1 (L1Regularization) " + fmt(lambda) + ": score += l1*sum|w|, gradient += l1*sign(w) "
                    + "before the updater";
        }
    }

    /**
     * L2 penalty: DL4J {@code L2Regularization} (the builder's {@code l2}); score += ½·λ·Σw², gradient += λ·w
     * <em>before</em> the updater, so momentum and Adam rescale it like the data gradient.
     *
     * @param lambda λ, finite and ≥ 0
     */
    record L2(double lambda) implements Component {
        /** Validates λ. */
        public L2 {
            requireStrength("lambda", lambda);
        }

        @Override
        public String dl4jDescription() {
            return "DL4J l2 (L2Regularization) " + fmt(lambda) + ": score += l2/2*sum(w^2), gradient += l2*w "
                    + "before the updater";
        }
    }

    /**
     * Decoupled weight decay (Loshchilov &amp; Hutter 2019): DL4J {@code WeightDecay(λ, applyLR = true)}, applied
     * <em>after</em> the updater: each step subtracts learning rate × λ × w from w, whatever the updater did
     * to the gradient (PyTorch's AdamW convention). Under plain SGD this equals {@link L2} with the same λ;
     * under momentum or Adam it does not (both tested on real steps).
     *
     * @param lambda λ, finite and ≥ 0
     */
    record WeightDecay(double lambda) implements Component {
        /** Validates λ. */
        public WeightDecay {
            requireStrength("lambda", lambda);
        }

        @Override
        public String dl4jDescription() {
            return "DL4J weightDecay (WeightDecay, applyLR=true) " + fmt(lambda) + ": after the updater, "
                    + "w -= learningRate*weightDecay*w each step (decoupled)";
        }
    }

    /**
     * Max-norm constraint (Srivastava et al. 2014): after every update, each unit's incoming weight vector — a
     * column of a dense layer's W, which DL4J stores as [nIn, nOut] — is rescaled to L2 norm ≤ c. DL4J
     * {@code MaxNormConstraint(c, 0)} on the weights of every layer (not the biases); dimension 0 reduces over
     * the inputs, so the norm is taken per unit. (The dimension 1 that DL4J's Javadoc suggests for dense layers
     * constrains each input's OUTGOING weights instead; pinned by a test on trained weights.)
     *
     * @param limit c, finite and &gt; 0
     */
    record MaxNorm(double limit) implements Component {
        /** Validates c. */
        public MaxNorm {
            if (!(limit > 0) || Double.isInfinite(limit)) {
                throw new IllegalArgumentException("maxNorm must be a finite number > 0 (the largest norm a unit's "
                        + "incoming weights may have), was " + limit);
            }
        }

        @Override
        public String dl4jDescription() {
            return "DL4J MaxNormConstraint(" + fmt(limit) + ", dimension 0) on every layer's weights: after each "
                    + "update, each unit's incoming weight vector is rescaled to norm <= " + fmt(limit);
        }
    }

    /**
     * Dropout (Srivastava et al. 2014), inverted: kept units are scaled by 1/retain in training, nothing changes
     * at inference. DL4J's {@code dropOut(p)} takes the RETAIN probability and acts on a layer's input: the
     * first layer gets {@code inputRetain} (none if 1), every later layer {@code hiddenRetain} (none if 1).
     *
     * @param inputRetain  probability of keeping an input unit, in (0, 1]
     * @param hiddenRetain probability of keeping a hidden unit, in (0, 1]
     */
    record Dropout(double inputRetain, double hiddenRetain) implements Component {
        /** Validates the probabilities. */
        public Dropout {
            requireRetain("inputRetain", inputRetain);
            requireRetain("hiddenRetain", hiddenRetain);
        }

        @Override
        public String dl4jDescription() {
            return "DL4J dropOut(retain) on layer inputs: first layer " + (inputRetain < 1 ? "retain "
                    + fmt(inputRetain) : "none (raw input kept)") + ", later layers " + (hiddenRetain < 1
                    ? "retain " + fmt(hiddenRetain) : "none") + " (inverted dropout, off at inference)";
        }
    }

    /** @throws IllegalArgumentException naming {@code field} unless {@code value} is finite and ≥ 0 */
    static void requireStrength(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + value);
        }
    }

    /** @throws IllegalArgumentException naming {@code field} unless {@code value} is in (0, 1] */
    static void requireRetain(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in (0, 1] (a probability of KEEPING a unit), was "
                    + value);
        }
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%s", x);
    }
}
