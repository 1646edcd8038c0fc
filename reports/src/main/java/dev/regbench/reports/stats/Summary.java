package dev.regbench.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Mean, spread and 95 % confidence interval of one metric over seeds.
 *
 * @param n      number of values (completed runs)
 * @param mean   arithmetic mean; NaN if n = 0
 * @param sd     sample standard deviation (n − 1 denominator); NaN if n &lt; 2
 * @param ciLow  lower end of the 95 % confidence interval of the mean (Student t, n − 1 degrees of
 *               freedom); NaN if n &lt; 2
 * @param ciHigh upper end of that interval; NaN if n &lt; 2
 */
public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {
    /** Confidence level of every interval in a report. */
    public static final double CONFIDENCE = 0.95;

    /**
     * @param values the values (order irrelevant)
     * @return their summary
     */
    public static Summary of(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        int n = values.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (n == 1) {
            return new Summary(1, s.getMean(), Double.NaN, Double.NaN, Double.NaN);
        }
        double half = tQuantile(n - 1) * s.getStandardDeviation() / Math.sqrt(n);
        return new Summary(n, s.getMean(), s.getStandardDeviation(), s.getMean() - half, s.getMean() + half);
    }

    /** @return half the width of the confidence interval; NaN if there is none */
    public double ciHalfWidth() {
        return (ciHigh - ciLow) / 2;
    }

    /** @return the two-sided {@link #CONFIDENCE} quantile of Student's t with {@code df} degrees of freedom */
    static double tQuantile(double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }
}
