package dev.regbench.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * An equivalence test: are two sets of runs' means closer than a margin δ? Schuirmann's two one-sided tests (TOST,
 * 1987): H₀ is |μ_a − μ_b| ≥ δ; equivalence is shown at level α = 0.05 when both one-sided t-tests reject, which is
 * the same as the 90 % confidence interval of the difference lying inside (−δ, δ). Runs that pair by seed are tested
 * on their per-seed differences (paired), others with Welch's unequal-variance test. Failing to show equivalence is
 * not evidence of a difference: with few seeds or a margin below the seed-to-seed spread nothing can be shown.
 *
 * @param test       paired or Welch
 * @param difference mean(a − b) (paired) or mean(a) − mean(b) (Welch), in the metric's unit
 * @param ciLow      lower end of the 90 % confidence interval of the difference; NaN if no test is possible
 * @param ciHigh     upper end; NaN if no test is possible
 * @param margin     δ &gt; 0, in the metric's unit
 * @param p          the TOST p-value, max of the two one-sided p-values; NaN if no test is possible
 * @param n          pairs (paired) or runs of {@code a} (Welch)
 * @param nB         pairs (paired) or runs of {@code b} (Welch)
 */
public record Equivalence(Comparison.Test test, double difference, double ciLow, double ciHigh, double margin, double p,
                          int n, int nB) {
    /** The level of each one-sided test (and 1 − 2α = 90 % for the interval). */
    public static final double ALPHA = 0.05;

    /** @return whether equivalence within ±{@link #margin} is shown at level {@link #ALPHA} */
    public boolean equivalent() {
        return p < ALPHA;
    }

    /** @return whether a test was possible (at least 2 pairs or 2 runs a side, not all equal) */
    public boolean tested() {
        return !Double.isNaN(p);
    }

    /**
     * @param differences a − b per seed
     * @param margin      δ &gt; 0
     * @return the paired TOST
     */
    public static Equivalence paired(double[] differences, double margin) {
        requireMargin(margin);
        int n = differences.length;
        SummaryStatistics s = stats(differences);
        double mean = n == 0 ? Double.NaN : s.getMean();
        double se = n < 2 ? Double.NaN : s.getStandardDeviation() / Math.sqrt(n);
        if (n < 2) {
            return new Equivalence(Comparison.Test.PAIRED, mean, Double.NaN, Double.NaN, margin, Double.NaN, n, n);
        }
        if (se == 0) { // all differences equal: inside the margin or not, with certainty
            double p = Math.abs(mean) < margin ? 0 : 1;
            return new Equivalence(Comparison.Test.PAIRED, mean, mean, mean, margin, p, n, n);
        }
        return of(Comparison.Test.PAIRED, mean, se, n - 1, margin, n, n);
    }

    /**
     * @param a      one side's values
     * @param b      the other's
     * @param margin δ &gt; 0
     * @return the TOST with Welch's standard error and Welch–Satterthwaite degrees of freedom
     */
    public static Equivalence welch(double[] a, double[] b, double margin) {
        requireMargin(margin);
        SummaryStatistics sa = stats(a);
        SummaryStatistics sb = stats(b);
        double difference = a.length == 0 || b.length == 0 ? Double.NaN : sa.getMean() - sb.getMean();
        if (a.length < 2 || b.length < 2) {
            return new Equivalence(Comparison.Test.WELCH, difference, Double.NaN, Double.NaN, margin, Double.NaN,
                    a.length, b.length);
        }
        double va = sa.getVariance() / a.length;
        double vb = sb.getVariance() / b.length;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            double p = Math.abs(difference) < margin ? 0 : 1;
            return new Equivalence(Comparison.Test.WELCH, difference, difference, difference, margin, p, a.length,
                    b.length);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        return of(Comparison.Test.WELCH, difference, se, df, margin, a.length, b.length);
    }

    private static Equivalence of(Comparison.Test test, double mean, double se, double df, double margin, int n,
                                  int nB) {
        TDistribution t = new TDistribution(null, df);
        double pLower = 1 - t.cumulativeProbability((mean + margin) / se); // H₀: difference ≤ −δ
        double pUpper = t.cumulativeProbability((mean - margin) / se);     // H₀: difference ≥ +δ
        double half = t.inverseCumulativeProbability(1 - ALPHA) * se;
        return new Equivalence(test, mean, mean - half, mean + half, margin, Math.max(pLower, pUpper), n, nB);
    }

    private static void requireMargin(double margin) {
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("an equivalence margin must be a finite number > 0, was " + margin);
        }
    }

    private static SummaryStatistics stats(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        Arrays.stream(values).forEach(s::addValue);
        return s;
    }
}
