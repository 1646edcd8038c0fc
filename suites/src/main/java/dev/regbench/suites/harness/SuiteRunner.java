package dev.regbench.suites.harness;

import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every (regularizer, seed) of a suite, seed by seed so that a partial run already holds comparable
 * results for every regularizer. Finished runs with the same configuration are skipped (resume); each new
 * result is written as soon as its run ends, so an interruption loses at most the run in progress.
 */
public final class SuiteRunner {
    private final Suite suite;
    private final TaskData data;
    private final Environment environment;

    /**
     * @param suite       the validated suite (overrides applied)
     * @param data        its prepared data
     * @param environment recorded in every result
     */
    public SuiteRunner(Suite suite, TaskData data, Environment environment) {
        this.suite = suite;
        this.data = data;
        this.environment = environment;
    }

    /** @return every run of the suite, in execution order */
    public List<RunKey> plan() {
        List<RunKey> keys = new ArrayList<>();
        for (long seed : suite.seeds()) {
            for (Variant v : suite.variants()) {
                keys.add(new RunKey(v, seed));
            }
        }
        return keys;
    }

    /**
     * @param store    the open output directory
     * @param listener progress events
     * @return what was trained and what was skipped
     * @throws OutputException if a result cannot be written, or existing results disagree with the suite
     */
    public RunSummary run(ResultStore store, ProgressListener listener) throws OutputException {
        Plan plan = pending(store);
        plan.finished().forEach(r -> listener.runSkipped(new RunKey(variant(r.regularizer().name()), r.seed()), r));
        Trainer trainer = new Trainer(suite, data, environment, listener);
        List<RunResult> trained = new ArrayList<>();
        List<RunKey> todo = plan.todo();
        for (int i = 0; i < todo.size(); i++) {
            RunKey key = todo.get(i);
            listener.runStarted(key, i + 1, todo.size());
            RunResult result = trainer.run(key);
            store.save(key, result);
            trained.add(result);
            listener.runFinished(key, result);
        }
        return new RunSummary(trained, plan.finished());
    }

    /**
     * Which runs are still to do. Checks every existing result before anything is trained.
     *
     * @param todo     runs without a finished result, in execution order
     * @param finished results of runs already finished with the same configuration
     */
    public record Plan(List<RunKey> todo, List<RunResult> finished) {
    }

    /**
     * @param store the open output directory
     * @return the runs to do and those already finished
     * @throws OutputException if an existing result disagrees with the suite's configuration
     */
    public Plan pending(ResultStore store) throws OutputException {
        List<RunKey> todo = new ArrayList<>();
        List<RunResult> finished = new ArrayList<>();
        for (RunKey key : plan()) {
            Optional<RunResult> existing = store.finished(key, suite.effectiveSha256(key.variant()));
            if (existing.isPresent()) {
                finished.add(existing.get());
            } else {
                todo.add(key);
            }
        }
        return new Plan(todo, finished);
    }

    private Variant variant(String name) {
        return suite.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }
}
