package dev.regbench.reports.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * What a paired comparison could have detected: the minimum detectable effect (MDE) — the smallest true mean
 * difference a two-sided paired t-test on n seeds finds with {@link #POWER} probability at the family's level — and
 * how many seeds would detect the observed difference. Both use the observed standard deviation of the per-seed
 * differences as if it were the true one (the usual planning approximation), and the level α/m of Holm's most
 * stringent step (m tests in the family): a conservative bound, since later Holm steps test at larger levels.
 *
 * <p>Power of the two-sided one-sample t-test with n − 1 degrees of freedom at noncentrality δ√n/σ is
 * P(|T'| &gt; t₁₋α/2) for T' noncentral t; {@link #noncentralTCdf} evaluates it by integrating the normal CDF
 * against the χ² density (Owen 1965, eq. 2.2) with Simpson's rule.
 *
 * @param level        the two-sided significance level used, α/m, in (0, 1)
 * @param mde          the minimum detectable |difference| in the metric's units at n seeds; NaN with fewer than
 *                     2 pairs or no spread
 * @param seedsNeeded  the smallest number of seeds (pairs) whose test detects the observed |difference| with
 *                     {@link #POWER} probability; 0 if the observed difference is 0 or there is no spread, −1 if
 *                     more than {@link #MAX_SEEDS}
 */
public record Power(double level, double mde, int seedsNeeded) {
    /** The power the MDE is defined at. */
    public static final double POWER = 0.8;
    /** The largest seed count searched for {@link #seedsNeeded}. */
    public static final int MAX_SEEDS = 10_000;

    /**
     * @param n        pairs (seeds), ≥ 2 for a value
     * @param sd       standard deviation of the per-seed differences, &gt; 0 for a value
     * @param observed the observed mean difference
     * @param level    two-sided level α/m
     * @return the power figures of a paired comparison
     */
    public static Power paired(int n, double sd, double observed, double level) {
        if (n < 2 || !(sd > 0) || !Double.isFinite(sd)) {
            return new Power(level, Double.NaN, 0);
        }
        return new Power(level, mde(n, sd, level), seedsNeeded(Math.abs(observed), sd, level));
    }

    /**
     * @return the power of a two-sided one-sample (paired) t-test with n values at true mean difference
     *         {@code effect} and standard deviation {@code sd}
     */
    public static double power(int n, double effect, double sd, double level) {
        int df = n - 1;
        double crit = new TDistribution(null, df).inverseCumulativeProbability(1 - level / 2);
        double ncp = effect * Math.sqrt(n) / sd;
        return 1 - noncentralTCdf(crit, df, ncp) + noncentralTCdf(-crit, df, ncp);
    }

    /** @return the |difference| detected with {@link #POWER} at n pairs, by bisection on the power */
    static double mde(int n, double sd, double level) {
        double lo = 0;
        double hi = sd;
        while (power(n, hi, sd, level) < POWER) {
            hi *= 2;
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (power(n, mid, sd, level) < POWER) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static int seedsNeeded(double effect, double sd, double level) {
        if (!(effect > 0)) {
            return 0;
        }
        if (power(MAX_SEEDS, effect, sd, level) < POWER) {
            return -1;
        }
        int lo = 1;
        int hi = MAX_SEEDS;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (power(mid, effect, sd, level) >= POWER) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * P(T' ≤ t) for T' = (Z + ncp)/√(V/ν), Z standard normal, V χ² with ν degrees of freedom:
     * ∫ Φ(t·√(v/ν) − ncp) f_ν(v) dv over the χ² density, by Simpson's rule in u = √v from 0 to the
     * 1 − 1e-12 quantile.
     *
     * @param t   the point
     * @param df  degrees of freedom ν ≥ 1
     * @param ncp noncentrality
     * @return the CDF, accurate to about 1e-9
     */
    public static double noncentralTCdf(double t, int df, double ncp) {
        // Over u = √v (the χ distribution, density 2u·f_ν(u²)), which is finite at 0 also for ν = 1.
        // χ density u^(ν−1)·e^(−u²/2) / (2^(ν/2−1)·Γ(ν/2)), from 0 to the χ² 1 − 1e-12 quantile's root.
        double b = Math.sqrt(new ChiSquaredDistribution(null, df).inverseCumulativeProbability(1 - 1e-12));
        double logNorm = (df / 2.0 - 1) * Math.log(2) + Gamma.logGamma(df / 2.0);
        int steps = 4000;
        double h = b / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double u = i * h;
            double density = u == 0 ? (df == 1 ? Math.exp(-logNorm) : 0)
                    : Math.exp((df - 1) * Math.log(u) - u * u / 2 - logNorm);
            double f = density * NORMAL.cumulativeProbability(t * u / Math.sqrt(df) - ncp);
            sum += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return Math.min(1, Math.max(0, sum * h / 3));
    }
}
