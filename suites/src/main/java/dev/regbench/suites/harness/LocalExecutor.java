package dev.regbench.suites.harness;

import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.suite.Suite;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a stage's runs one after another in this process ({@code regbench run}); ND4J uses every core for
 * each run. An exception in a run is not caught: on one machine it is a bug or a broken environment that the
 * next run would meet too.
 */
public final class LocalExecutor implements RunExecutor {
    private final Suite suite;
    private final SuiteData data;
    private final Implementation.Choice implementation;
    private final Environment environment;

    /**
     * @param suite          the suite (overrides applied)
     * @param data           its data, loaded once
     * @param implementation tuned or stock layers
     * @param environment    recorded in every result
     */
    public LocalExecutor(Suite suite, SuiteData data, Implementation.Choice implementation, Environment environment) {
        this.suite = suite;
        this.data = data;
        this.implementation = implementation;
        this.environment = environment;
    }

    @Override
    public Outcome execute(List<RunKey> todo, ResultStore store, RunPlan plan, ProgressListener listener)
            throws OutputException {
        Trainer trainer = new Trainer(suite, implementation, environment, listener);
        List<SuiteRunner.Finished> done = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++) {
            RunKey key = todo.get(i);
            listener.runStarted(key, i + 1, todo.size());
            RunResult result = trainer.run(key, data.forRun(key.condition(), key.seed()));
            store.save(plan.path(key), result);
            done.add(new SuiteRunner.Finished(key, result));
            listener.runFinished(key, result);
            NativeMemory.releaseAfterRun();
        }
        return new Outcome(done, List.of());
    }
}
