package dev.regbench.reports.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A regularizer against the baseline ({@code none}) on one metric: the mean difference with its 95 %
 * confidence interval and a two-sided t-test. Runs that pair by seed (same initial weights, data draw and batch
 * order) are compared with the paired t-test on the per-seed differences; runs without common seeds with Welch's
 * unequal-variance test. {@link #pHolm} is the p-value adjusted within the comparison's family (Holm 1979):
 * the primary metric against {@code none} over every regularizer and data condition of a report section is one
 * family, each secondary metric another; {@link #pValue} is the raw one. The interval is unadjusted.
 *
 * @param metric     the metric compared
 * @param test       which test was made
 * @param difference mean(regularizer − baseline): of the per-seed differences (paired) or of the two means
 *                   (Welch)
 * @param ciLow      lower end of the 95 % CI of the difference; NaN if no test is possible
 * @param ciHigh     upper end; NaN if no test is possible
 * @param pValue     two-sided p-value, unadjusted; NaN if no test is possible
 * @param pHolm      Holm-adjusted p-value within the section; NaN if no test or not yet adjusted
 * @param n          runs of the regularizer used (paired: the number of pairs)
 * @param nBaseline  runs of the baseline used (paired: the number of pairs)
 * @param note       why no test was possible, or which seeds were left out; empty otherwise
 * @param sd         standard deviation of the per-seed differences (paired), NaN otherwise
 * @param familySize m, the number of tested comparisons in its Holm family; 0 until adjusted
 * @param power      paired comparisons, once adjusted: the minimum detectable effect at level α/m and the seeds
 *                   that would detect the observed difference; null otherwise
 * @param improvement paired comparisons: the share of seeds on which the regularizer is better; null otherwise
 */
public record Comparison(Metric metric, Test test, double difference, double ciLow, double ciHigh, double pValue,
                         double pHolm, int n, int nBaseline, String note, double sd, int familySize, Power power,
                         Improvement improvement) {

    /** Significance level of the two-sided tests, applied to Holm-adjusted p-values. */
    public static final double ALPHA = 0.05;

    private Comparison(Metric metric, Test test, double difference, double ciLow, double ciHigh, double pValue, int n,
                       int nBaseline, String note, double sd, Improvement improvement) {
        this(metric, test, difference, ciLow, ciHigh, pValue, Double.NaN, n, nBaseline, note, sd, 0, null,
                improvement);
    }

    /** The test behind a comparison. */
    public enum Test {
        /** Paired t-test on per-seed differences (runs pair by seed). */
        PAIRED("paired t"),
        /** Welch's unequal-variance t-test (runs do not pair). */
        WELCH("Welch");

        private final String label;

        Test(String label) {
            this.label = label;
        }

        /** @return the name for humans */
        public String label() {
            return label;
        }
    }

    /** @return true if a test was made */
    public boolean tested() {
        return !Double.isNaN(pValue);
    }

    /**
     * @param adjusted Holm-adjusted p-value
     * @param m        tested comparisons in the family
     * @return this comparison with its adjusted p-value and, if paired, its power at level α/m
     */
    public Comparison withHolm(double adjusted, int m) {
        Power pw = test == Test.PAIRED && tested() ? Power.paired(n, sd, difference, ALPHA / Math.max(1, m)) : null;
        return new Comparison(metric, test, difference, ciLow, ciHigh, pValue, adjusted, n, nBaseline, note, sd, m,
                pw, improvement);
    }

    /** @return whether the Holm-adjusted p-value is below {@link #ALPHA} */
    public boolean significant() {
        return tested() && pHolm < ALPHA;
    }

    /**
     * Pairs by seed where the two sides share seeds (the paired test on the common seeds), otherwise Welch.
     *
     * @param metric   the metric
     * @param values   the regularizer's values by seed
     * @param baseline the baseline's values by seed
     * @return the comparison, not yet Holm-adjusted
     */
    public static Comparison of(Metric metric, Map<Long, Double> values, Map<Long, Double> baseline) {
        List<Long> common = values.keySet().stream().filter(baseline::containsKey).sorted().toList();
        if (common.isEmpty()) {
            return welch(metric, values.values().stream().mapToDouble(Double::doubleValue).toArray(),
                    baseline.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        double[] d = common.stream().mapToDouble(s -> values.get(s) - baseline.get(s)).toArray();
        Comparison c = paired(metric, d);
        List<Long> unpaired = new ArrayList<>();
        values.keySet().stream().filter(s -> !common.contains(s)).forEach(unpaired::add);
        baseline.keySet().stream().filter(s -> !common.contains(s)).forEach(unpaired::add);
        if (unpaired.isEmpty()) {
            return c;
        }
        String left = "seed(s) " + unpaired.stream().distinct().sorted().toList() + " without a partner left out";
        return new Comparison(metric, c.test, c.difference, c.ciLow, c.ciHigh, c.pValue, c.n, c.nBaseline,
                c.note.isEmpty() ? left : c.note + "; " + left, c.sd, c.improvement);
    }

    /**
     * Paired t-test (two-sided) and t interval of the mean difference, n − 1 degrees of freedom.
     *
     * @param metric      the metric
     * @param differences regularizer − baseline, one per seed
     * @return the comparison
     */
    public static Comparison paired(Metric metric, double[] differences) {
        int n = differences.length;
        SummaryStatistics s = stats(differences);
        double mean = n == 0 ? Double.NaN : s.getMean();
        Improvement better = Improvement.of(differences);
        if (n < 2) {
            return new Comparison(metric, Test.PAIRED, mean, Double.NaN, Double.NaN, Double.NaN, n, n,
                    "no test possible with " + n + " pair" + (n == 1 ? "" : "s") + " (run at least 2 seeds)",
                    Double.NaN, better);
        }
        double se = s.getStandardDeviation() / Math.sqrt(n);
        if (roundingOnly(se, mean)) {
            return new Comparison(metric, Test.PAIRED, mean, Double.NaN, Double.NaN, Double.NaN, n, n,
                    "no interval: all " + n + " paired differences are equal (no variation between seeds)",
                    Double.NaN, better);
        }
        double half = Summary.tQuantile(n - 1) * se;
        double t = mean / se;
        double p = 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(t));
        return new Comparison(metric, Test.PAIRED, mean, mean - half, mean + half, p, n, n, "",
                s.getStandardDeviation(), better);
    }

    /**
     * Test errors are multiples of 1/test-set-size, so equal differences between seeds (e.g. both +0.05 pp) come
     * out of floating point 1e-16 apart; a t statistic on that "spread" would be astronomically large.
     *
     * @return whether the standard error is only floating-point rounding of equal values
     */
    private static boolean roundingOnly(double se, double scale) {
        return se <= 1e-12 * Math.max(1, Math.abs(scale));
    }

    /**
     * Welch's t-test (two-sided) and the Welch–Satterthwaite interval of the difference of means.
     *
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
            return new Comparison(metric, Test.WELCH, difference, Double.NaN, Double.NaN, Double.NaN, n1, n2,
                    "no test possible with n = " + Math.min(n1, n2) + " (run at least 2 seeds)", Double.NaN, null);
        }
        double v1 = a.getVariance() / n1;
        double v2 = b.getVariance() / n2;
        double se = Math.sqrt(v1 + v2);
        if (roundingOnly(se, difference)) {
            return new Comparison(metric, Test.WELCH, difference, Double.NaN, Double.NaN, Double.NaN, n1, n2,
                    "no interval: every run on both sides has the same value (no variation between seeds)", Double.NaN,
                    null);
        }
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        double half = Summary.tQuantile(df) * se;
        double t = difference / se;
        double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
        return new Comparison(metric, Test.WELCH, difference, difference - half, difference + half, p, n1, n2, "",
                Double.NaN, null);
    }

    /**
     * Holm's step-down adjustment (Holm 1979, "A simple sequentially rejective multiple test procedure"): with the
     * m tested comparisons' p-values sorted ascending, p(i) becomes max over j ≤ i of min(1, (m − j + 1) · p(j)).
     * Comparisons without a test keep NaN and do not count towards m.
     *
     * @param comparisons one family of comparisons
     * @return the same comparisons, in the same order, with {@link #pHolm} set
     */
    public static List<Comparison> holm(List<Comparison> comparisons) {
        double[] p = comparisons.stream().mapToDouble(Comparison::pValue).toArray();
        double[] adjusted = Holm.adjust(p);
        int m = (int) java.util.Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            out.add(comparisons.get(i).withHolm(adjusted[i], m));
        }
        return out;
    }

    private static SummaryStatistics stats(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }

    /** Holm's adjustment on raw p-values. */
    public static final class Holm {
        private Holm() {
        }

        /**
         * @param p raw p-values; NaN entries are not tests
         * @return adjusted p-values, in the input's order; NaN where the input was NaN
         */
        public static double[] adjust(double[] p) {
            List<Integer> tested = new ArrayList<>();
            for (int i = 0; i < p.length; i++) {
                if (!Double.isNaN(p[i])) {
                    tested.add(i);
                }
            }
            tested.sort((x, y) -> Double.compare(p[x], p[y]));
            int m = tested.size();
            double[] out = new double[p.length];
            java.util.Arrays.fill(out, Double.NaN);
            double running = 0;
            Map<Integer, Double> adjusted = new HashMap<>();
            for (int k = 0; k < m; k++) {
                int i = tested.get(k);
                running = Math.max(running, Math.min(1.0, (m - k) * p[i]));
                adjusted.put(i, running);
            }
            adjusted.forEach((i, v) -> out[i] = v);
            return out;
        }
    }
}
