package dev.regbench.sweep;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.suites.harness.NativeMemory;
import dev.regbench.suites.harness.ProgressListener;
import dev.regbench.suites.harness.RunKey;
import dev.regbench.suites.harness.Trainer;
import java.io.Serializable;
import java.net.InetAddress;
import org.apache.spark.api.java.function.Function;

/**
 * The body of every sweep task: train one run with the real DL4J loop and write its result once. A result that
 * exists already (an earlier attempt of this task finished before its executor died) is not trained again.
 * An exception becomes a failed outcome with its message — the sweep goes on and the driver lists it — so
 * Spark retries only tasks whose executor was lost.
 */
final class SweepTask implements Function<TaskKey, TaskOutcome>, Serializable {
    private static final long serialVersionUID = 1L;
    private final SweepSpec spec;

    SweepTask(SweepSpec spec) {
        this.spec = spec;
    }

    @Override
    public TaskOutcome call(TaskKey key) {
        long start = System.nanoTime();
        String failure = null;
        try {
            ExecutorContext context = ExecutorContext.of(spec);
            if (!context.store().exists(key.relativePath())) {
                if (spec.faults().contains(key.relativePath())) {
                    throw new IllegalStateException("fault injected by a test");
                }
                if (spec.faults().contains(SweepSpec.UNCAUGHT + key.relativePath())) {
                    throw new AssertionError("fault injected by a test, not caught: the task itself fails");
                }
                RunKey run = key.resolve(context.suite());
                Trainer trainer = new Trainer(context.suite(), context.implementation(), context.environment(),
                        ProgressListener.NONE);
                RunResult result = trainer.run(run, context.data().forRun(run.condition(), run.seed()));
                context.store().save(key.relativePath(), result); // first attempt to finish wins
                NativeMemory.releaseAfterRun();
            }
        } catch (Exception | LinkageError e) {
            failure = oneLine(e);
            // One line on the executor's stderr (a local master's is the user's terminal); the trace goes to a file.
            System.err.println("regbench sweep: " + key.relativePath() + " failed: " + failure + " ("
                    + dev.regbench.reports.cli.Cli.saveTrace(e) + ")");
        }
        return new TaskOutcome(key, failure, host(), (System.nanoTime() - start) / 1e9);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName()
                : e instanceof IllegalStateException || e instanceof dev.regbench.suites.harness.OutputException
                ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
