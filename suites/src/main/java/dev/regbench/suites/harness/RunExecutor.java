package dev.regbench.suites.harness;

import java.util.List;

/**
 * Trains the runs of one stage. {@link SuiteRunner} owns the protocol — stages, resume, selection — and hands
 * each stage's pending runs to an executor: {@link LocalExecutor} trains them one after another in this process;
 * the sweep module's executor makes each one a Spark task.
 */
public interface RunExecutor {
    /**
     * Trains every run of {@code todo}, saving each result to the store as soon as it ends, so an interruption
     * loses at most the runs in progress.
     *
     * @param todo     the runs, in the plan's order
     * @param store    where results go
     * @param plan     result paths
     * @param listener progress events (runs that fail are reported through {@link ProgressListener#runFailed})
     * @return what happened to each run
     * @throws OutputException if a result cannot be written
     */
    Outcome execute(List<RunKey> todo, ResultStore store, RunPlan plan, ProgressListener listener)
            throws OutputException;

    /**
     * What a stage's execution produced.
     *
     * @param finished runs that completed or diverged, their results saved
     * @param failed   runs that threw: no result was saved, so a rerun retries them
     */
    record Outcome(List<SuiteRunner.Finished> finished, List<FailedRun> failed) {
        /** Copies the lists. */
        public Outcome {
            finished = List.copyOf(finished);
            failed = List.copyOf(failed);
        }
    }
}
