package dev.regbench.reports.stats;

import dev.regbench.reports.schema.TaskType;

/**
 * The margins of the equivalence tests between result sets ({@link Agreement}): how far apart two implementations'
 * mean primary metrics may be and still count as the same result.
 *
 * @param testErrorPoints classification: test error, in percentage points (&gt; 0)
 * @param testLoss        regression: test MSE, in its unit (&gt; 0)
 */
public record EquivalenceMargins(double testErrorPoints, double testLoss) {
    /**
     * ±0.3 percentage points of test error (a tenth of the gap between no regularization and dropout in
     * Srivastava et al.'s Table 9, and about the seed-to-seed spread of one MNIST MLP run) and ±0.02 test MSE on the
     * polynomial task (a tenth of its typical test MSE, 0.18–0.36).
     */
    public static final EquivalenceMargins DEFAULT = new EquivalenceMargins(0.3, 0.02);

    /** Refuses margins that are not finite and positive. */
    public EquivalenceMargins {
        if (!(testErrorPoints > 0) || Double.isInfinite(testErrorPoints) || !(testLoss > 0) || Double.isInfinite(testLoss)) {
            throw new IllegalArgumentException("equivalence margins must be finite numbers > 0, were " + testErrorPoints
                    + " and " + testLoss);
        }
    }

    /** @return the margin of a task's primary metric */
    public double of(TaskType task) {
        return task == TaskType.CLASSIFICATION ? testErrorPoints : testLoss;
    }
}
