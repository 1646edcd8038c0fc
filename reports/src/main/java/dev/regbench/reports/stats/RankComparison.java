package dev.regbench.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * The regularizers ranked across several conditions (datasets, training-set sizes, label-noise levels) — Demšar
 * (2006), "Statistical Comparisons of Classifiers over Multiple Data Sets", JMLR 7: within each condition (a
 * block) the arms are ranked by mean test performance (1 = best, ties share the average rank); the Friedman test
 * asks whether the average ranks differ more than chance allows, and the Nemenyi critical difference says which
 * pairs of arms differ at α = 0.05 (two arms whose average ranks differ by less than {@link #criticalDifference}
 * are not distinguishable). The unit is the condition, not the seed: with N conditions the test has N blocks,
 * however many seeds each ran.
 * <p>
 * The Friedman statistic is tie-corrected as R's {@code friedman.test} and SciPy's {@code friedmanchisquare} do
 * (divided by 1 − Σ(t³ − t)/(N k (k² − 1)) over tie groups of size t); without ties it is Demšar's χ²_F. The
 * Iman–Davenport F is computed from the corrected χ².
 *
 * @param arms               the regularizers present in every block, in the caller's order
 * @param blocks             the conditions, in the caller's order
 * @param blockRanks         per block, per arm, its rank there (ties averaged)
 * @param averageRanks       per arm, its mean rank over the blocks, in [1, k]
 * @param chiSquare          Friedman's χ² (tie-corrected), k − 1 degrees of freedom
 * @param pValue             its p-value
 * @param imanDavenport      Iman–Davenport's F = (N − 1)χ²/(N(k − 1) − χ²), with (k − 1, (k − 1)(N − 1)) degrees
 *                           of freedom (NaN when every block ranks the arms identically)
 * @param pImanDavenport     its p-value (0 when every block ranks the arms identically)
 * @param criticalDifference Nemenyi's critical difference at α = 0.05, q_α √(k(k + 1)/(6N)); NaN for k &gt; 10
 */
public record RankComparison(List<String> arms, List<String> blocks, List<List<Double>> blockRanks,
                             List<Double> averageRanks, double chiSquare,
                             double pValue, double imanDavenport, double pImanDavenport, double criticalDifference) {

    /**
     * Demšar (2006), Table 5(a): critical values q_0.05 of the two-tailed Nemenyi test (the Studentized range
     * statistic divided by √2), for k = 2 … 10 arms.
     */
    private static final double[] Q_05 = {Double.NaN, Double.NaN, 1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031,
            3.102, 3.164};

    /** The significance level of the Nemenyi test and of the Friedman test's reading. */
    public static final double ALPHA = 0.05;

    /**
     * @param arms   k ≥ 2 regularizers
     * @param blocks N ≥ 2 conditions
     * @param values values[block][arm], lower is better (test error or test MSE); every entry finite
     * @return the ranks and tests
     */
    public static RankComparison of(List<String> arms, List<String> blocks, double[][] values) {
        int k = arms.size();
        int n = blocks.size();
        if (k < 2 || n < 2 || values.length != n) {
            throw new IllegalArgumentException("need at least 2 arms and 2 blocks, one row of values per block");
        }
        double[] rankSums = new double[k];
        List<List<Double>> blockRanks = new ArrayList<>();
        double ties = 0;
        for (double[] row : values) {
            if (row.length != k || Arrays.stream(row).anyMatch(v -> !Double.isFinite(v))) {
                throw new IllegalArgumentException("every block needs a finite value per arm");
            }
            double[] r = ranks(row);
            blockRanks.add(Arrays.stream(r).boxed().toList());
            for (int j = 0; j < k; j++) {
                rankSums[j] += r[j];
            }
            ties += tieTerm(r);
        }
        double[] average = Arrays.stream(rankSums).map(s -> s / n).toArray();
        double sumSquares = Arrays.stream(average).map(r -> r * r).sum();
        double chi = 12.0 * n / (k * (k + 1.0)) * (sumSquares - k * (k + 1.0) * (k + 1.0) / 4);
        double correction = 1 - ties / (n * k * (k * (double) k - 1));
        chi = correction > 0 ? chi / correction : 0;
        double p = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(chi);
        double denominator = n * (k - 1.0) - chi;
        double f = denominator > 1e-12 ? (n - 1) * chi / denominator : Double.NaN;
        double pf = Double.isNaN(f) ? 0 : 1 - new FDistribution(k - 1, (k - 1.0) * (n - 1)).cumulativeProbability(f);
        double cd = k < Q_05.length ? Q_05[k] * Math.sqrt(k * (k + 1.0) / (6.0 * n)) : Double.NaN;
        return new RankComparison(List.copyOf(arms), List.copyOf(blocks), List.copyOf(blockRanks), Arrays.stream(average).boxed().toList(), chi, p,
                f, pf, cd);
    }

    /** @return ranks 1 … k of one block's values, lowest value first, ties sharing their average rank */
    static double[] ranks(double[] row) {
        int k = row.length;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(row[a], row[b]));
        double[] r = new double[k];
        for (int i = 0; i < k; ) {
            int j = i;
            while (j + 1 < k && row[order[j + 1]] == row[order[i]]) {
                j++;
            }
            double shared = (i + j) / 2.0 + 1;
            for (int m = i; m <= j; m++) {
                r[order[m]] = shared;
            }
            i = j + 1;
        }
        return r;
    }

    /** @return Σ(t³ − t) over the tie groups of one block, read off its ranks (tied values share one rank) */
    private static double tieTerm(double[] ranks) {
        return Arrays.stream(ranks).boxed().collect(java.util.stream.Collectors.groupingBy(r -> r,
                java.util.stream.Collectors.counting())).values().stream().mapToDouble(t -> t * t * t - t).sum();
    }

    /** @return whether the Friedman test rejects equal average ranks at {@link #ALPHA} */
    public boolean ranksDiffer() {
        return pValue < ALPHA;
    }

    /**
     * The groups a critical-difference diagram joins with a bar: maximal runs of arms, in order of average rank,
     * whose first and last average ranks differ by less than the critical difference. A group contained in
     * another is left out.
     *
     * @return each group as arm indices in rank order; empty without a critical difference
     */
    public List<List<Integer>> indistinguishable() {
        if (Double.isNaN(criticalDifference)) {
            return List.of();
        }
        Integer[] order = byRank();
        List<List<Integer>> groups = new ArrayList<>();
        int lastEnd = -1;
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j + 1 < order.length && averageRanks.get(order[j + 1]) - averageRanks.get(order[i]) < criticalDifference) {
                j++;
            }
            if (j > i && j > lastEnd) {
                groups.add(List.of(Arrays.copyOfRange(order, i, j + 1)));
                lastEnd = j;
            }
        }
        return groups;
    }

    /** @return arm indices, best average rank first (ties in the caller's order) */
    public Integer[] byRank() {
        Integer[] order = new Integer[arms.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(averageRanks.get(a), averageRanks.get(b)));
        return order;
    }
}
