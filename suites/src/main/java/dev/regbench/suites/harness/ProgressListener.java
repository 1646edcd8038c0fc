package dev.regbench.suites.harness;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;

/** What the harness tells the outside world while it works (console progress, tests). */
public interface ProgressListener {
    /**
     * A run (one grid point of one regularizer, one seed) starts.
     *
     * @param key   which run
     * @param index 1-based position among the runs to do now
     * @param total runs to do now (skipped ones excluded)
     */
    default void runStarted(RunKey key, int index, int total) {
    }

    /**
     * An epoch was trained and evaluated (epoch 0: evaluated before training).
     *
     * @param key     which run
     * @param metrics its measurements
     * @param epochs  epochs planned for the run
     */
    default void epochFinished(RunKey key, EpochMetrics metrics, int epochs) {
    }

    /** A run finished (completed or diverged) and its file was written. */
    default void runFinished(RunKey key, RunResult result) {
    }

    /** A run threw instead of finishing; no result was written, and a rerun retries it. */
    default void runFailed(FailedRun failed) {
    }

    /** A run was skipped because an identical finished result exists. */
    default void runSkipped(RunKey key, RunResult existing) {
    }

    /**
     * A stage starts (after its finished runs were reported as skipped).
     *
     * @param stage    the stage
     * @param todo     runs to train in it
     * @param finished runs already finished
     */
    default void stageStarted(dev.regbench.reports.schema.Stage stage, int todo, int finished) {
    }

    /**
     * The tuning stage is complete and each regularizer's point was chosen on validation metrics.
     *
     * @param selection per training-set size and regularizer name, the choice
     */
    default void selectionMade(java.util.Map<dev.regbench.suites.suite.DataCondition, java.util.Map<String, dev.regbench.reports.select.PointChoice>>
                                       selection) {
    }

    /** Listens to nothing. */
    ProgressListener NONE = new ProgressListener() {
    };
}
