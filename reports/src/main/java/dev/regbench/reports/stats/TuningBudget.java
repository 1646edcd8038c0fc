package dev.regbench.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How good one regularizer's choice is expected to be as a function of its tuning budget — Dodge et al. (2019),
 * "Show Your Work: Improved Reporting of Experimental Results" (EMNLP), expected validation performance: if a
 * researcher had tried only {@code n} configurations drawn uniformly at random (with replacement) from the grid
 * regbench tried, the configuration with the best validation score among them is expected to score
 * {@link Step#validation()} on validation and {@link Step#test()} on test. A curve that is still falling at the
 * grid's size says a larger grid would likely have found better; an arm that beats {@code none} only at large
 * {@code n} owes its advantage to its tuning budget.
 * <p>
 * With the {@code N} configurations sorted best first by validation score (ties in grid order), the one at rank
 * {@code r} (1-based) is the best of {@code n} draws with probability {@code ((N − r + 1)/N)^n − ((N − r)/N)^n}
 * — Dodge et al.'s eq. 1 with the empirical distribution. Scores are the selector's (each configuration's mean
 * validation metric over the tuning seeds, at each run's chosen epoch, lower is better); test values are the
 * same runs' mean test performance and are shown, never used to choose. A configuration the selector cannot choose
 * (a diverged tuning run; an unstable one while stable configurations exist) is left out of the draws.
 *
 * @param regularizer    the regularizer's name
 * @param configurations configurations the selector may choose from, N ≥ 0
 * @param steps          one per budget n = 1, 2, …, up to the largest grid of the section (n &gt; N draws the
 *                       same N configurations again: the curve flattens towards the grid's best)
 */
public record TuningBudget(String regularizer, int configurations, List<Step> steps) {

    /**
     * Expected performance of the validation-best of {@code n} random configurations.
     *
     * @param budget     n, configurations tried (≥ 1)
     * @param validation expected validation score of the winner (the selection metric's unit)
     * @param test       expected test performance of the winner (test error in % or test MSE); NaN where a
     *                   configuration has no test value
     */
    public record Step(int budget, double validation, double test) {
    }

    /**
     * @param regularizer the regularizer's name
     * @param validation  each eligible configuration's validation score (lower is better), in grid order
     * @param test        the same configurations' test performance
     * @param maxBudget   the largest n to evaluate (≥ 1)
     * @return the curve, or a curve with no steps when there is no configuration
     */
    public static TuningBudget of(String regularizer, double[] validation, double[] test, int maxBudget) {
        if (validation.length != test.length) {
            throw new IllegalArgumentException("validation and test differ in length");
        }
        int total = validation.length;
        Integer[] order = IntStream.range(0, total).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> validation[i]).thenComparingInt(i -> i));
        List<Step> steps = new ArrayList<>();
        for (int n = 1; total > 0 && n <= maxBudget; n++) {
            double[] p = winProbabilities(total, n);
            double v = 0;
            double t = 0;
            for (int r = 0; r < total; r++) {
                v += p[r] * validation[order[r]];
                t += p[r] * test[order[r]];
            }
            steps.add(new Step(n, v, t));
        }
        return new TuningBudget(regularizer, total, List.copyOf(steps));
    }

    /**
     * @param total configurations N ≥ 1
     * @param n     draws with replacement ≥ 1
     * @return for rank r = 0 … N − 1 (best first), the probability that rank r is the best of the n draws
     */
    static double[] winProbabilities(int total, int n) {
        double[] p = new double[total];
        for (int r = 0; r < total; r++) {
            p[r] = Math.pow((double) (total - r) / total, n) - Math.pow((double) (total - r - 1) / total, n);
        }
        return p;
    }

    /** @return the step at budget n, if evaluated */
    public java.util.Optional<Step> at(int n) {
        return n >= 1 && n <= steps.size() ? java.util.Optional.of(steps.get(n - 1)) : java.util.Optional.empty();
    }
}
