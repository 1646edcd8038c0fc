package dev.regbench.suites.harness;

import dev.regbench.reports.schema.RunResult;
import java.util.Optional;

/**
 * Where a suite's results go: one file per finished run under {@code runs/} (paths: {@link RunPlan#path}), each
 * written once and atomically — a file that exists is complete — and {@code selection.json}. A local directory
 * ({@link LocalResultStore}) or, for sweeps, any Hadoop file system.
 */
public interface ResultStore extends AutoCloseable {
    /** Name of the selection file inside the output directory. */
    String SELECTION_FILE = "selection.json";

    /**
     * @param relative a run's result path relative to {@code <out>/runs/}
     * @return its result, if the file exists
     * @throws OutputException if it exists but cannot be read, naming it and the fix
     */
    Optional<RunResult> read(String relative) throws OutputException;

    /**
     * Writes a result atomically.
     *
     * @param relative the run's result path relative to {@code <out>/runs/}
     * @param result   its result
     * @throws OutputException if it cannot be written
     */
    void save(String relative, RunResult result) throws OutputException;

    /**
     * Writes {@code selection.json} atomically.
     *
     * @param json its content
     * @throws OutputException if it cannot be written
     */
    void saveSelection(String json) throws OutputException;

    /** @return a result's full location, for messages */
    String location(String relative);

    /** @return the output directory, for messages */
    String directoryName();

    /**
     * @param relative a run's result path relative to {@code <out>/runs/}
     * @param now      the identity the run would have now
     * @return the finished result, if one exists with the same identity
     * @throws OutputException if a result exists with another identity (resuming would mix them), naming what
     *                         differs
     */
    default Optional<RunResult> finished(String relative, RunIdentity now) throws OutputException {
        Optional<RunResult> existing = read(relative);
        if (existing.isEmpty()) {
            return existing;
        }
        Optional<String> difference = RunIdentity.of(existing.get()).difference(now);
        if (difference.isPresent()) {
            throw new OutputException(location(relative) + " was computed with " + difference.get() + " for suite '"
                    + existing.get().suite().name() + "': resuming would mix them; use a new --out, or delete "
                    + directoryName() + " to start over");
        }
        return existing;
    }

    @Override
    void close();
}
