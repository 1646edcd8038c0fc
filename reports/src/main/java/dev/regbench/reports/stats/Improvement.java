package dev.regbench.reports.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The probability of improvement (Agarwal et al. 2021, rliable's P(X &gt; Y), on paired seeds): the share of seeds
 * on which the regularizer's metric is better (lower) than the baseline's, ties counting half, with a 95 % Wilson
 * score interval (Wilson 1927) for that share. With the paired design this estimates how often, for one seed's
 * initialization and data draw, adding the regularizer helps.
 *
 * @param wins      seeds where the regularizer is better, ties counted ½ (0 ≤ wins ≤ n)
 * @param n         paired seeds
 * @param share     wins / n, in [0, 1]; NaN if n = 0
 * @param low       lower end of the Wilson interval; NaN if n = 0
 * @param high      upper end; NaN if n = 0
 */
public record Improvement(double wins, int n, double share, double low, double high) {

    /**
     * @param differences regularizer − baseline per seed, lower is better
     * @return the probability of improvement
     */
    public static Improvement of(double[] differences) {
        double wins = 0;
        for (double d : differences) {
            wins += d < 0 ? 1 : d == 0 ? 0.5 : 0;
        }
        int n = differences.length;
        if (n == 0) {
            return new Improvement(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] ci = wilson(wins, n, Summary.CONFIDENCE);
        return new Improvement(wins, n, wins / n, ci[0], ci[1]);
    }

    /**
     * Wilson's score interval: (p̂ + z²/2n ± z√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
     *
     * @return {low, high}
     */
    static double[] wilson(double successes, int n, double confidence) {
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = successes / n;
        double denominator = 1 + z * z / n;
        double centre = p + z * z / (2.0 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {Math.max(0, (centre - half) / denominator), Math.min(1, (centre + half) / denominator)};
    }
}
