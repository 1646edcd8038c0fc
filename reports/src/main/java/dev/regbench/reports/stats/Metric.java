package dev.regbench.reports.stats;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.TaskType;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The per-run numbers a report summarizes over seeds: final values (after the last epoch) and best-epoch
 * values (at the epoch of lowest test loss, i.e. with ideal early stopping).
 */
public enum Metric {
    /** Final training data loss (no penalty). */
    TRAIN_LOSS("trainLoss", "train loss", null, finalValue(EpochMetrics::trainLoss)),
    /** Final test data loss. */
    TEST_LOSS("testLoss", "test loss", null, finalValue(EpochMetrics::testLoss)),
    /** Final test − train loss. */
    LOSS_GAP("lossGap", "loss gap", null, finalValue(EpochMetrics::lossGap)),
    /** Final training accuracy in [0, 1]. */
    TRAIN_ACCURACY("trainAccuracy", "train accuracy", TaskType.CLASSIFICATION, finalValue(EpochMetrics::trainAccuracy)),
    /** Final test accuracy in [0, 1]. */
    TEST_ACCURACY("testAccuracy", "test accuracy", TaskType.CLASSIFICATION, finalValue(EpochMetrics::testAccuracy)),
    /** Final train − test accuracy. */
    ACCURACY_GAP("accuracyGap", "accuracy gap", TaskType.CLASSIFICATION, finalValue(EpochMetrics::accuracyGap)),
    /** Final test error in percent: 100 · (1 − test accuracy). */
    TEST_ERROR("testErrorPercent", "test error (%)", TaskType.CLASSIFICATION,
            finalValue(m -> m.testAccuracy() == null ? null : 100 * (1 - m.testAccuracy()))),
    /** Final training MSE. */
    TRAIN_MSE("trainMse", "train MSE", TaskType.REGRESSION, finalValue(EpochMetrics::trainMse)),
    /** Final test MSE. */
    TEST_MSE("testMse", "test MSE", TaskType.REGRESSION, finalValue(EpochMetrics::testMse)),
    /** Final √Σw² over weights. */
    WEIGHT_L2("weightL2", "weight L2 norm", null, finalValue(EpochMetrics::weightL2)),
    /** Final fraction of weights with |w| &lt; 1e-3. */
    NEAR_ZERO("nearZeroFraction", "weights |w|<1e-3", null, finalValue(EpochMetrics::nearZeroFraction)),
    /** Final penalty term. */
    PENALTY("penalty", "penalty", null, finalValue(EpochMetrics::penalty)),
    /** Lowest test loss over all epochs. */
    BEST_TEST_LOSS("bestTestLoss", "best test loss", null, best(EpochMetrics::testLoss)),
    /** Epoch of the lowest test loss. */
    BEST_EPOCH("bestEpoch", "best epoch", null, best(m -> (double) m.epoch())),
    /** Loss gap at the epoch of the lowest test loss. */
    BEST_LOSS_GAP("bestLossGap", "loss gap at best epoch", null, best(EpochMetrics::lossGap)),
    /** Test error (%) at the epoch of the lowest test loss. */
    BEST_TEST_ERROR("bestTestErrorPercent", "test error at best epoch (%)", TaskType.CLASSIFICATION,
            best(m -> m.testAccuracy() == null ? null : 100 * (1 - m.testAccuracy())));

    private final String id;
    private final String label;
    private final TaskType only;
    private final Function<RunResult, Double> extractor;

    Metric(String id, String label, TaskType only, Function<RunResult, Double> extractor) {
        this.id = id;
        this.label = label;
        this.only = only;
        this.extractor = extractor;
    }

    /** @return the camelCase name used in CSV and JSON */
    public String id() {
        return id;
    }

    /** @return the label for humans */
    public String label() {
        return label;
    }

    /** @return whether the metric exists for a task */
    public boolean appliesTo(TaskType task) {
        return only == null || only == task;
    }

    /**
     * @param run a completed run
     * @return the metric's value, or null if the run does not have it
     */
    public Double of(RunResult run) {
        return run.finalMetrics() == null ? null : extractor.apply(run);
    }

    /** @return the metric compared against the baseline for the test-performance question of a task */
    public static Metric testPerformance(TaskType task) {
        return task == TaskType.CLASSIFICATION ? TEST_ERROR : TEST_MSE;
    }

    private static Function<RunResult, Double> finalValue(Function<EpochMetrics, Double> f) {
        return r -> f.apply(r.finalMetrics());
    }

    private static Function<RunResult, Double> best(Function<EpochMetrics, Double> f) {
        return r -> f.apply(r.epochs().stream().min(Comparator.comparingDouble(EpochMetrics::testLoss)
                .thenComparingInt(EpochMetrics::epoch)).orElseThrow());
    }
}
