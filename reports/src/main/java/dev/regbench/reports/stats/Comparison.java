package dev.regbench.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A regularizer against the baseline ({@code none}) on one metric: difference of means with its 95 %
 * confidence interval and Welch's unequal-variance t-test (two-sided).
 *
 * @param metric     the metric compared
 * @param difference mean(regularizer) − mean(baseline)
 * @param ciLow      lower end of the 95 % CI of the difference (Welch–Satterthwaite degrees of freedom); NaN if
 *                   no test is possible
 * @param ciHigh     upper end; NaN if no test is possible
 * @param pValue     two-sided Welch p-value; NaN if no test is possible
 * @param n          runs of the regularizer
 * @param nBaseline  runs of the baseline
 * @param note       why no test was possible (e.g. one seed), or empty
 */
public record Comparison(Metric metric, double difference, double ciLow, double ciHigh, double pValue, int n,
                         int nBaseline, String note) {

    /** @return true if a test was made */
    public boolean tested() {
        return !Double.isNaN(pValue);
    }

    /**
     * @param metric   the metric
     * @param values   the regularizer's values
     * @param baseline the baseline's values
     * @return the comparison
     */
    public static Comparison welch(Metric metric, double[] values, double[] baseline) {
        SummaryStatistics a = stats(values);
        SummaryStatistics b = stats(baseline);
        int n1 = values.length;
        int n2 = baseline.length;
        double difference = n1 == 0 || n2 == 0 ? Double.NaN : a.getMean() - b.getMean();
        if (n1 < 2 || n2 < 2) {
            return new Comparison(metric, difference, Double.NaN, Double.NaN, Double.NaN, n1, n2,
                    "no test possible with n = " + Math.min(n1, n2) + " (run at least 2 seeds)");
        }
        double v1 = a.getVariance() / n1;
        double v2 = b.getVariance() / n2;
        double se = Math.sqrt(v1 + v2);
        if (se == 0) {
            return new Comparison(metric, difference, difference, difference, Double.NaN, n1, n2,
                    "no test possible: no variation between seeds");
        }
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        double half = Summary.tQuantile(df) * se;
        double t = difference / se;
        double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
        return new Comparison(metric, difference, difference - half, difference + half, p, n1, n2, "");
    }

    private static SummaryStatistics stats(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }
}
