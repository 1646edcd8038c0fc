package dev.regbench.suites.network;

import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The updater of one run, identical for all variants at one grid point of a suite (a suite may sweep the learning
 * rate and the momentum: every regularizer then gets the same grid of them).
 *
 * @param type         plain SGD, SGD with Nesterov momentum (DL4J's only momentum SGD), or Adam
 * @param learningRate η₀, the step size (before the schedule), &gt; 0
 * @param momentum     Nesterov momentum in [0, 1) for {@link Type#NESTEROV}; must be 0 otherwise
 * @param schedule     how the learning rate changes during training
 * @param momentumRamp how Nesterov momentum rises during training, or null (constant)
 * @param horizon      the training's length, which schedules need (null while the schedule is constant and there
 *                     is no ramp)
 */
public record OptimizerSpec(Type type, double learningRate, double momentum, LearningRateSchedule schedule,
                            MomentumRamp momentumRamp, Horizon horizon) {
    /** Updater families. */
    public enum Type {
        /** w −= lr·g (DL4J {@code Sgd}). */
        SGD,
        /** Nesterov momentum (DL4J {@code Nesterovs}). */
        NESTEROV,
        /** Kingma &amp; Ba 2015 with DL4J's default betas (0.9, 0.999) and ε = 1e-8. */
        ADAM;

        /** @return the name used in suite files */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How long a run trains: what a schedule's t and T are measured against.
     *
     * @param iterationsPerEpoch training steps per epoch, ≥ 1
     * @param epochs             epochs, ≥ 1
     */
    public record Horizon(long iterationsPerEpoch, int epochs) {
        /** Validates the fields. */
        public Horizon {
            if (iterationsPerEpoch < 1 || epochs < 1) {
                throw new IllegalArgumentException("iterationsPerEpoch and epochs must be >= 1, were "
                        + iterationsPerEpoch + " and " + epochs);
            }
        }
    }

    /** A constant learning rate and momentum. */
    public OptimizerSpec(Type type, double learningRate, double momentum) {
        this(type, learningRate, momentum, LearningRateSchedule.CONSTANT, null, null);
    }

    /** Validates the fields; messages name the field. */
    public OptimizerSpec {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, was " + learningRate);
        }
        if (type == Type.NESTEROV && !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
        }
        if (type != Type.NESTEROV && momentum != 0) {
            throw new IllegalArgumentException("momentum is only for type nesterov (DL4J's plain " + type.id()
                    + " has none); use type: nesterov");
        }
        schedule = schedule == null ? LearningRateSchedule.CONSTANT : schedule;
        if (momentumRamp != null && type != Type.NESTEROV) {
            throw new IllegalArgumentException("momentumRamp is only for type nesterov");
        }
    }

    /** @return this optimizer for a run of the given length */
    public OptimizerSpec over(long iterationsPerEpoch, int epochs) {
        return new OptimizerSpec(type, learningRate, momentum, schedule, momentumRamp,
                new Horizon(iterationsPerEpoch, epochs));
    }

    /** @return this optimizer with η₀ and μ replaced (a grid point's values) */
    public OptimizerSpec with(double learningRate, double momentum) {
        return new OptimizerSpec(type, learningRate, momentum, schedule, momentumRamp, horizon);
    }

    /** @return whether the learning rate or momentum change during training */
    public boolean scheduled() {
        return !schedule.isConstant() || momentumRamp != null;
    }

    /**
     * @return a fresh DL4J updater configuration
     * @throws IllegalStateException if a schedule needs the training's length and none was given ({@link #over})
     */
    public IUpdater toUpdater() {
        if (!scheduled()) {
            return switch (type) {
                case SGD -> new Sgd(learningRate);
                case NESTEROV -> new Nesterovs(learningRate, momentum);
                case ADAM -> new Adam(learningRate);
            };
        }
        if (horizon == null) {
            throw new IllegalStateException("a learning-rate schedule or momentum ramp needs the training's length");
        }
        ScheduledValue rate = ScheduledValue.learningRate(learningRate, schedule, horizon.iterationsPerEpoch(),
                horizon.epochs());
        return switch (type) {
            case SGD -> new Sgd(rate);
            case NESTEROV -> momentumRamp == null ? new Nesterovs(rate, momentum)
                    : new Nesterovs(rate, ScheduledValue.momentum(momentum, momentumRamp, horizon.iterationsPerEpoch(),
                    horizon.epochs()));
            case ADAM -> new Adam(rate);
        };
    }

    /** @return for reports, e.g. {@code cosine to 0, 1 warm-up epoch; momentum 0.5 → 0.99 over 50 epochs} */
    public String describeSchedule() {
        String s = schedule.describe();
        return momentumRamp == null ? s : s + "; momentum " + momentum + " → " + momentumRamp.to() + " over "
                + java.math.BigDecimal.valueOf(momentumRamp.overEpochs()).stripTrailingZeros().toPlainString() + " epochs";
    }
}
