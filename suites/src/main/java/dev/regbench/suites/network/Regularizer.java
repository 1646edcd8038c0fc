package dev.regbench.suites.network;

import java.util.Locale;

/**
 * The closed set of regularizers regbench compares. Each is described by the same four numbers
 * ({@link #l1()}, {@link #l2()}, {@link #inputRetain()}, {@link #hiddenRetain()}), so the
 * {@link NetworkFactory} builds every variant with one code path and no per-kind branches.
 *
 * <p>L2 is DL4J's {@code l2} ({@code L2Regularization}): the score gains ½·λ·Σw² and the gradient λ·w
 * <em>before</em> the updater, i.e. the textbook L2 penalty. It is not DL4J's {@code weightDecay}, which is
 * applied after the updater and differs from it under momentum or Adam.
 */
public sealed interface Regularizer permits Regularizer.None, Regularizer.L1, Regularizer.L2, Regularizer.DropoutL2 {

    /** @return the kind as written in suite files: {@code none}, {@code l1}, {@code l2}, {@code dropout-l2} */
    String kind();

    /** @return the penalty strength λ ≥ 0 of this regularizer (L1 or L2); 0 for none */
    double lambda();

    /** @return L1 strength λ ≥ 0 (score += λ·Σ|w|); 0 if none */
    default double l1() {
        return 0;
    }

    /** @return L2 strength λ ≥ 0 (score += ½·λ·Σw²); 0 if none */
    default double l2() {
        return 0;
    }

    /** @return probability of keeping each input unit during training, in (0, 1]; 1 = no input dropout */
    default double inputRetain() {
        return 1;
    }

    /** @return probability of keeping each hidden unit during training, in (0, 1]; 1 = no hidden dropout */
    default double hiddenRetain() {
        return 1;
    }

    /** @return how DL4J applies it, in words (recorded in every result file) */
    String dl4jDescription();

    /**
     * @return the kind's parameters and their values, keyed as in suite files ({@code lambda},
     *         {@code inputRetain}, {@code hiddenRetain}), in the order the kind lists them
     */
    java.util.Map<String, Double> parameters();

    /** No regularization: the baseline. */
    record None() implements Regularizer {
        @Override
        public String kind() {
            return "none";
        }

        @Override
        public double lambda() {
            return 0;
        }

        @Override
        public String dl4jDescription() {
            return "no penalty, no dropout";
        }

        @Override
        public java.util.Map<String, Double> parameters() {
            return java.util.Map.of();
        }
    }

    /**
     * L1 penalty: DL4J {@code .l1(λ)} ({@code L1Regularization}): score += λ·Σ|w|, gradient += λ·sign(w)
     * before the updater.
     *
     * @param lambda λ ≥ 0
     */
    record L1(double lambda) implements Regularizer {
        /** Validates λ. */
        public L1 {
            requireLambda(lambda);
        }

        @Override
        public String kind() {
            return "l1";
        }

        @Override
        public double l1() {
            return lambda;
        }

        @Override
        public String dl4jDescription() {
            return "DL4J l1 (L1Regularization): score += lambda*sum|w|, gradient += lambda*sign(w) before the updater";
        }

        @Override
        public java.util.Map<String, Double> parameters() {
            return java.util.Map.of("lambda", lambda);
        }
    }

    /**
     * L2 penalty: DL4J {@code .l2(λ)} ({@code L2Regularization}): score += ½·λ·Σw², gradient += λ·w before
     * the updater (not {@code weightDecay}).
     *
     * @param lambda λ ≥ 0
     */
    record L2(double lambda) implements Regularizer {
        /** Validates λ. */
        public L2 {
            requireLambda(lambda);
        }

        @Override
        public String kind() {
            return "l2";
        }

        @Override
        public double l2() {
            return lambda;
        }

        @Override
        public String dl4jDescription() {
            return "DL4J l2 (L2Regularization): score += lambda/2*sum(w^2), gradient += lambda*w before the updater "
                    + "(not weightDecay)";
        }

        @Override
        public java.util.Map<String, Double> parameters() {
            return java.util.Map.of("lambda", lambda);
        }
    }

    /**
     * Dropout (Srivastava et al. 2014, inverted: kept units are scaled by 1/retain in training, nothing
     * changes at inference) plus an L2 penalty. DL4J's {@code dropOut(p)} takes the RETAIN probability and
     * acts on a layer's input: the first layer gets {@code inputRetain} (only if &lt; 1), every later layer
     * {@code hiddenRetain}.
     *
     * @param inputRetain  probability of keeping an input unit, in (0, 1]
     * @param hiddenRetain probability of keeping a hidden unit, in (0, 1]
     * @param lambda       L2 strength λ ≥ 0
     */
    record DropoutL2(double inputRetain, double hiddenRetain, double lambda) implements Regularizer {
        /** Validates the retain probabilities and λ. */
        public DropoutL2 {
            requireRetain("inputRetain", inputRetain);
            requireRetain("hiddenRetain", hiddenRetain);
            requireLambda(lambda);
        }

        @Override
        public String kind() {
            return "dropout-l2";
        }

        @Override
        public double l2() {
            return lambda;
        }

        @Override
        public String dl4jDescription() {
            return String.format(Locale.ROOT, "DL4J dropOut(retain) on layer inputs: first layer %s, later layers "
                            + "retain %s (inverted dropout, off at inference); plus l2 as for kind l2",
                    inputRetain < 1 ? "retain " + inputRetain : "none (raw input kept)", hiddenRetain);
        }

        @Override
        public java.util.Map<String, Double> parameters() {
            java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
            p.put("inputRetain", inputRetain);
            p.put("hiddenRetain", hiddenRetain);
            p.put("lambda", lambda);
            return java.util.Collections.unmodifiableMap(p);
        }
    }

    private static void requireLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, was " + lambda);
        }
    }

    private static void requireRetain(String field, double retain) {
        if (!(retain > 0 && retain <= 1)) {
            throw new IllegalArgumentException(field + " must be in (0, 1] (a probability of KEEPING a unit), was "
                    + retain);
        }
    }
}
