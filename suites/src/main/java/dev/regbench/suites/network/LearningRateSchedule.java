package dev.regbench.suites.network;

import java.util.Locale;

/**
 * How the learning rate changes during training, as a multiple of the optimizer's learning rate η₀. Every rule is a
 * closed form in t, the training progress in epochs (iteration ÷ iterations per epoch, so it moves smoothly within an
 * epoch), applied by DL4J at every iteration through {@link ScheduledValue} ({@code ISchedule}):
 * <ul>
 *   <li>{@code constant}: η₀;</li>
 *   <li>{@code step}: η₀·γ^⌊t / k⌋ — multiplied by γ ({@code factor}) every k epochs ({@code everyEpochs});</li>
 *   <li>{@code exponential}: η₀·γ^t — by γ per epoch, continuously;</li>
 *   <li>{@code linear}: η₀·(1 − t/T), to 0 at the end of training (T epochs); DL4J's {@code PolySchedule} with power 1;</li>
 *   <li>{@code cosine}: η₀·½(1 + cos(π·t/T)), to 0 at the end (Loshchilov &amp; Hutter 2017, without restarts).</li>
 * </ul>
 * An optional linear warm-up of w epochs ({@code warmupEpochs}) multiplies the first w epochs' rate by
 * (iteration + 1) / (w × iterations per epoch), as DL4J's {@code RampSchedule} does.
 *
 * @param kind         the rule
 * @param factor       γ in (0, 1] for {@code step} and {@code exponential}; 1 otherwise
 * @param everyEpochs  k ≥ 1 for {@code step}; 0 otherwise
 * @param warmupEpochs w ≥ 0 (0: no warm-up)
 */
public record LearningRateSchedule(Kind kind, double factor, int everyEpochs, double warmupEpochs) {
    /** The rules. */
    public enum Kind {
        /** η₀ throughout. */
        CONSTANT,
        /** η₀·γ^⌊t/k⌋. */
        STEP,
        /** η₀·γ^t. */
        EXPONENTIAL,
        /** η₀·(1 − t/T). */
        LINEAR,
        /** η₀·½(1 + cos(πt/T)). */
        COSINE;

        /** @return the name used in suite files */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** η₀ throughout, no warm-up. */
    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(Kind.CONSTANT, 1, 0, 0);

    /** Validates the fields; messages name the suite key. */
    public LearningRateSchedule {
        boolean decays = kind == Kind.STEP || kind == Kind.EXPONENTIAL;
        if (decays ? !(factor > 0 && factor <= 1) : factor != 1) {
            throw new IllegalArgumentException(decays ? "factor must be in (0, 1], was " + factor
                    : "factor is only for step and exponential schedules");
        }
        if (kind == Kind.STEP ? everyEpochs < 1 : everyEpochs != 0) {
            throw new IllegalArgumentException(kind == Kind.STEP ? "everyEpochs must be >= 1, was " + everyEpochs
                    : "everyEpochs is only for step schedules");
        }
        if (!(warmupEpochs >= 0) || Double.isInfinite(warmupEpochs)) {
            throw new IllegalArgumentException("warmupEpochs must be a finite number >= 0, was " + warmupEpochs);
        }
    }

    /** @return whether the rate never changes (constant, no warm-up): then no horizon is needed */
    public boolean isConstant() {
        return kind == Kind.CONSTANT && warmupEpochs == 0;
    }

    /**
     * @param t      training progress in epochs, ≥ 0
     * @param epochs the training's length T in epochs, ≥ 1
     * @return the multiple of η₀ at t, before any warm-up
     */
    double multiplier(double t, int epochs) {
        return switch (kind) {
            case CONSTANT -> 1;
            case STEP -> Math.pow(factor, Math.floor(t / everyEpochs));
            case EXPONENTIAL -> Math.pow(factor, t);
            case LINEAR -> Math.max(0, 1 - t / epochs);
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * Math.min(t, epochs) / epochs));
        };
    }

    /** @return for reports, e.g. {@code cosine to 0, 1 warm-up epoch} or {@code step ×0.5 every 10 epochs} */
    public String describe() {
        String rule = switch (kind) {
            case CONSTANT -> "constant";
            case STEP -> "step ×" + trim(factor) + " every " + everyEpochs + " epoch" + (everyEpochs == 1 ? "" : "s");
            case EXPONENTIAL -> "exponential ×" + trim(factor) + " per epoch";
            case LINEAR -> "linear to 0";
            case COSINE -> "cosine to 0";
        };
        return warmupEpochs == 0 ? rule : rule + ", " + trim(warmupEpochs) + " warm-up epoch" + (warmupEpochs == 1 ? "" : "s");
    }

    private static String trim(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
