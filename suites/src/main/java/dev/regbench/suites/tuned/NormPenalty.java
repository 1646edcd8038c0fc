package dev.regbench.suites.tuned;

/**
 * A penalty whose value is a function of two sums over its parameter array, Σw² and Σ|w| — regbench's
 * {@link L1Penalty}, {@link L2Penalty} and {@link DecoupledWeightDecay}. DL4J adds every penalty's value to
 * the score at each training step, a pass over all the parameters before the update; the fused update pass
 * reads every parameter anyway, so in training it sums both from the values it reads and scores the
 * penalties with this method ({@link FusedUpdater}, {@link TunedNetwork}) instead.
 */
interface NormPenalty {
    /**
     * @param sumSquares Σw² over the parameter array (≥ 0), or {@code NaN} where the penalty does not use it
     * @param sumAbs     Σ|w| over it (≥ 0), or {@code NaN} where the penalty does not use it
     * @param iteration  the training iteration, for schedules
     * @param epoch      the epoch, for schedules
     * @return the penalty's value, as {@code score(param, iteration, epoch)} gives it
     */
    double score(double sumSquares, double sumAbs, int iteration, int epoch);
}
