package dev.regbench.suites.network;

/**
 * Nesterov momentum raised linearly during training, as Srivastava et al. (2014) trained their dropout nets: from
 * the optimizer's momentum μ₀ to {@code to} over the first {@code overEpochs} epochs, then held (continuous in the
 * iteration, like {@link LearningRateSchedule}).
 *
 * @param to         the final momentum, in [0, 1)
 * @param overEpochs epochs of the ramp, &gt; 0
 */
public record MomentumRamp(double to, double overEpochs) {
    /** Validates the fields; messages name the suite key. */
    public MomentumRamp {
        if (!(to >= 0 && to < 1)) {
            throw new IllegalArgumentException("momentumRamp.to must be in [0, 1), was " + to);
        }
        if (!(overEpochs > 0) || Double.isInfinite(overEpochs)) {
            throw new IllegalArgumentException("momentumRamp.overEpochs must be a finite number > 0, was " + overEpochs);
        }
    }

    /** @return the momentum at progress t (epochs), starting from {@code from} */
    double at(double from, double t) {
        return t >= overEpochs ? to : from + (to - from) * t / overEpochs;
    }
}
