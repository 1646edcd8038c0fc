package dev.regbench.suites.bench;

import dev.regbench.reports.stats.Summary;

/**
 * A ratio of two throughputs measured in the same rounds: the geometric mean of the per-round ratios with a
 * 95 % Student-t confidence interval computed on their logarithms (rounds are the independent replicates;
 * pairing by round cancels the machine's drift between rounds).
 *
 * @param rounds rounds with both values (≥ 1)
 * @param ratio  geometric mean of numerator / denominator over the rounds (&gt; 0)
 * @param low    lower end of the 95 % interval of the ratio; NaN with fewer than 2 rounds
 * @param high   upper end; NaN with fewer than 2 rounds
 */
public record RatioEstimate(int rounds, double ratio, double low, double high) {
    /**
     * @param numerator   per-round values (&gt; 0), same length as {@code denominator}
     * @param denominator per-round values (&gt; 0)
     * @return the estimate
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold a value ≤ 0
     */
    public static RatioEstimate of(double[] numerator, double[] denominator) {
        if (numerator.length != denominator.length || numerator.length == 0) {
            throw new IllegalArgumentException("need the same number (≥ 1) of rounds for both, got "
                    + numerator.length + " and " + denominator.length);
        }
        double[] logs = new double[numerator.length];
        for (int i = 0; i < logs.length; i++) {
            if (!(numerator[i] > 0) || !(denominator[i] > 0)) {
                throw new IllegalArgumentException("throughputs must be > 0, round " + (i + 1) + ": "
                        + numerator[i] + " / " + denominator[i]);
            }
            logs[i] = Math.log(numerator[i] / denominator[i]);
        }
        Summary s = Summary.of(logs);
        return new RatioEstimate(s.n(), Math.exp(s.mean()), Math.exp(s.ciLow()), Math.exp(s.ciHigh()));
    }

    /** @return e.g. {@code 1.07 [0.98, 1.16]} */
    public String describe() {
        return Double.isNaN(low) ? String.format("%.2f", ratio) : String.format("%.2f [%.2f, %.2f]", ratio, low, high);
    }

    /** @return the change ratio − 1 with its interval, in percent, e.g. {@code −4.1 % [−7.0, −1.1]} */
    public String describeChange() {
        return Double.isNaN(low) ? String.format("%+.1f %%", 100 * (ratio - 1))
                : String.format("%+.1f %% [%+.1f, %+.1f]", 100 * (ratio - 1), 100 * (low - 1), 100 * (high - 1));
    }
}
