package dev.regbench.reports.stats;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.TaskType;
import java.util.function.Function;

/**
 * The per-run numbers a report summarizes over seeds, all taken at the run's reported epoch: the epoch chosen on
 * its validation curve by the suite's rule ({@link RunResult#epochChoice()}; the final epoch unless the suite
 * stops early). No metric is chosen on, or picks an epoch by, test data.
 */
public enum Metric {
    /** Test error in percent, 100 · (1 − test accuracy): the classification headline. */
    TEST_ERROR("testErrorPercent", "test error (%)", TaskType.CLASSIFICATION, m -> m.test().errorPercent()),
    /** Test data loss: cross-entropy (classification) or MSE (regression, its headline). */
    TEST_LOSS("testLoss", "test loss", null, m -> m.test().loss()),
    /** Test − train data loss: the generalization gap. */
    LOSS_GAP("lossGap", "loss gap", null, EpochMetrics::lossGap),
    /** Training data loss (on the fixed training evaluation subset, no penalty). */
    TRAIN_LOSS("trainLoss", "train loss", null, m -> m.train().loss()),
    /** Validation data loss. */
    VALIDATION_LOSS("validationLoss", "validation loss", null, m -> m.validation() == null ? null
            : m.validation().loss()),
    /** Training error in percent. */
    TRAIN_ERROR("trainErrorPercent", "train error (%)", TaskType.CLASSIFICATION, m -> m.train().errorPercent()),
    /** Validation error in percent. */
    VALIDATION_ERROR("validationErrorPercent", "validation error (%)", TaskType.CLASSIFICATION,
            m -> m.validation() == null ? null : m.validation().errorPercent()),
    /** Test − train error in percentage points (= train − test accuracy). */
    ERROR_GAP("errorGapPoints", "error gap (pp)", TaskType.CLASSIFICATION,
            m -> m.accuracyGap() == null ? null : 100 * m.accuracyGap()),
    /** √Σw² over weights. */
    WEIGHT_L2("weightL2", "weight L2 norm", null, EpochMetrics::weightL2),
    /** Fraction of weights with |w| &lt; 1e-3. */
    NEAR_ZERO("nearZeroFraction", "weights |w|<1e-3", null, EpochMetrics::nearZeroFraction),
    /** The largest L2 norm of any unit's incoming weights: what max-norm bounds (absent in older files). */
    MAX_UNIT_NORM("maxUnitNorm", "max unit norm", null, EpochMetrics::maxUnitNorm),
    /** The penalty term of the score. */
    PENALTY("penalty", "penalty", null, EpochMetrics::penalty),
    /** The reported epoch itself (chosen on validation; the last one under the final-epoch rule). */
    EPOCH("epoch", "epoch", null, m -> (double) m.epoch());

    private final String id;
    private final String label;
    private final TaskType only;
    private final Function<EpochMetrics, Double> extractor;

    Metric(String id, String label, TaskType only, Function<EpochMetrics, Double> extractor) {
        this.id = id;
        this.label = label;
        this.only = only;
        this.extractor = extractor;
    }

    /** @return the camelCase name used in CSV and JSON */
    public String id() {
        return id;
    }

    /** @return the label for humans (regression's losses are MSEs) */
    public String label(TaskType task) {
        return task == TaskType.REGRESSION ? label.replace("loss", "MSE") : label;
    }

    /** @return whether the metric exists for a task */
    public boolean appliesTo(TaskType task) {
        return only == null || only == task;
    }

    /**
     * @param run a completed run
     * @return the metric at its reported epoch, or null if the run does not have it (diverged, or not this task)
     */
    public Double of(RunResult run) {
        EpochMetrics m = run.chosenMetrics();
        return m == null ? null : extractor.apply(m);
    }

    /**
     * @param m one epoch's measurements
     * @return the metric there, or null if it does not exist
     */
    public Double at(EpochMetrics m) {
        return extractor.apply(m);
    }

    /** @return the headline metric of a task: test error (classification) or test MSE (regression) */
    public static Metric testPerformance(TaskType task) {
        return task == TaskType.CLASSIFICATION ? TEST_ERROR : TEST_LOSS;
    }

    /**
     * @return the metrics compared against the baseline, headline first, none of them the same quantity twice:
     *         test error, test loss and loss gap (classification); test MSE and loss gap (regression)
     */
    public static java.util.List<Metric> compared(TaskType task) {
        return task == TaskType.CLASSIFICATION ? java.util.List.of(TEST_ERROR, TEST_LOSS, LOSS_GAP)
                : java.util.List.of(TEST_LOSS, LOSS_GAP);
    }
}
