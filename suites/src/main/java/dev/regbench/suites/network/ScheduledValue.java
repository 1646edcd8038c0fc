package dev.regbench.suites.network;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's {@link ISchedule} for a {@link LearningRateSchedule} or a {@link MomentumRamp}: the value at an iteration,
 * computed from the training progress t = iteration ÷ iterations per epoch (iteration-based, so it does not depend on
 * DL4J's epoch counter, which {@code fit(DataSet)} never advances). Immutable; serializable to DL4J's JSON.
 */
public final class ScheduledValue implements ISchedule {
    private static final long serialVersionUID = 1L;

    @JsonProperty private final double initial;
    @JsonProperty private final String kind;
    @JsonProperty private final double factor;
    @JsonProperty private final int everyEpochs;
    @JsonProperty private final double warmupEpochs;
    /** The momentum ramp's target, or NaN for a learning-rate schedule. */
    @JsonProperty private final double rampTo;
    @JsonProperty private final double rampEpochs;
    @JsonProperty private final long iterationsPerEpoch;
    @JsonProperty private final int epochs;
    /** The rule, built once (not serialized: the fields above describe it). */
    private final transient LearningRateSchedule rule;
    private final transient MomentumRamp ramp;

    /** For DL4J's JSON; use {@link #learningRate} or {@link #momentum}. */
    public ScheduledValue(@JsonProperty("initial") double initial, @JsonProperty("kind") String kind,
                          @JsonProperty("factor") double factor, @JsonProperty("everyEpochs") int everyEpochs,
                          @JsonProperty("warmupEpochs") double warmupEpochs, @JsonProperty("rampTo") double rampTo,
                          @JsonProperty("rampEpochs") double rampEpochs,
                          @JsonProperty("iterationsPerEpoch") long iterationsPerEpoch, @JsonProperty("epochs") int epochs) {
        if (iterationsPerEpoch < 1 || epochs < 1) {
            throw new IllegalArgumentException("a schedule needs iterationsPerEpoch >= 1 and epochs >= 1, were "
                    + iterationsPerEpoch + " and " + epochs);
        }
        this.initial = initial;
        this.kind = kind;
        this.factor = factor;
        this.everyEpochs = everyEpochs;
        this.warmupEpochs = warmupEpochs;
        this.rampTo = rampTo;
        this.rampEpochs = rampEpochs;
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.epochs = epochs;
        this.ramp = Double.isNaN(rampTo) ? null : new MomentumRamp(rampTo, rampEpochs);
        this.rule = ramp != null ? null : new LearningRateSchedule(LearningRateSchedule.Kind.valueOf(
                kind.toUpperCase(java.util.Locale.ROOT)), factor, everyEpochs, warmupEpochs);
    }

    /**
     * @param initial            η₀
     * @param schedule           the rule
     * @param iterationsPerEpoch training steps per epoch, ≥ 1
     * @param epochs             the training's length, ≥ 1
     * @return η₀ on {@code schedule}
     */
    public static ScheduledValue learningRate(double initial, LearningRateSchedule schedule, long iterationsPerEpoch,
                                              int epochs) {
        return new ScheduledValue(initial, schedule.kind().id(), schedule.factor(), schedule.everyEpochs(),
                schedule.warmupEpochs(), Double.NaN, 0, iterationsPerEpoch, epochs);
    }

    /** @return the momentum μ₀ raised by {@code ramp} */
    public static ScheduledValue momentum(double initial, MomentumRamp ramp, long iterationsPerEpoch, int epochs) {
        return new ScheduledValue(initial, LearningRateSchedule.Kind.CONSTANT.id(), 1, 0, 0, ramp.to(),
                ramp.overEpochs(), iterationsPerEpoch, epochs);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double t = (double) iteration / iterationsPerEpoch;
        if (ramp != null) {
            return ramp.at(initial, t);
        }
        double value = initial * rule.multiplier(t, epochs);
        if (warmupEpochs > 0 && t < warmupEpochs) {
            value *= Math.min(1, (iteration + 1) / (warmupEpochs * iterationsPerEpoch));
        }
        return value;
    }

    @Override
    public ISchedule clone() {
        return this; // immutable
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduledValue v && v.initial == initial && v.kind.equals(kind) && v.factor == factor
                && v.everyEpochs == everyEpochs && v.warmupEpochs == warmupEpochs
                && Double.compare(v.rampTo, rampTo) == 0 && v.rampEpochs == rampEpochs
                && v.iterationsPerEpoch == iterationsPerEpoch && v.epochs == epochs;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(initial, kind, factor, everyEpochs, warmupEpochs, rampTo, rampEpochs,
                iterationsPerEpoch, epochs);
    }
}
