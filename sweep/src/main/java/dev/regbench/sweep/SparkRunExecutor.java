package dev.regbench.sweep;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import dev.regbench.suites.harness.FailedRun;
import dev.regbench.suites.harness.OutputException;
import dev.regbench.suites.harness.ProgressListener;
import dev.regbench.suites.harness.ResultStore;
import dev.regbench.suites.harness.RunExecutor;
import dev.regbench.suites.harness.RunKey;
import dev.regbench.suites.harness.RunPlan;
import dev.regbench.suites.harness.SuiteRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Trains a stage's pending runs as one Spark job with one task per run ({@code parallelize} with as many
 * partitions as runs), so the scheduler spreads them over every executor slot and retries the tasks of a lost
 * executor. Results are written by the tasks; the driver reads each back from the store when the job ends, so
 * what the selection sees is exactly what is on disk. While the job runs, a line is printed as each task ends.
 * Spark starts with the first stage that has runs to train (a sweep with nothing pending never starts it, and
 * everything the driver can refuse is refused before), and stops when this executor is closed.
 */
public final class SparkRunExecutor implements RunExecutor, AutoCloseable {
    private final SparkConf conf;
    private final SweepSpec spec;
    private final PrintWriter out;
    private JavaSparkContext spark;

    /**
     * @param conf Spark's configuration (its master decides where tasks run)
     * @param spec what every task needs
     * @param out  progress lines
     */
    public SparkRunExecutor(SparkConf conf, SweepSpec spec, PrintWriter out) {
        this.conf = conf;
        this.spec = spec;
        this.out = out;
    }

    private JavaSparkContext spark() {
        if (spark == null) {
            spark = new JavaSparkContext(conf);
            spark.setLogLevel("WARN");
        }
        return spark;
    }

    /** Stops Spark if it was started. */
    @Override
    public void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    @Override
    public Outcome execute(List<RunKey> todo, ResultStore store, RunPlan plan, ProgressListener listener)
            throws OutputException {
        if (todo.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        List<TaskKey> tasks = todo.stream().map(k -> TaskKey.of(k, plan.path(k))).toList();
        TaskProgress progress = new TaskProgress(todo, tasks, store);
        JavaSparkContext spark = spark();
        spark.sc().addSparkListener(progress);
        List<TaskOutcome> outcomes;
        try {
            spark.setJobDescription(todo.get(0).stage().id() + ": " + todo.size() + " run(s)");
            outcomes = spark.parallelize(tasks, tasks.size()).map(new SweepTask(spec)).collect();
            progress.finish(outcomes); // the listener bus is asynchronous: print what it has not printed yet
        } catch (Exception e) { // Spark aborted the job (a task failed spark.task.maxFailures times, no executors)
            awaitRunningTasks(spark);
            outcomes = afterAbort(tasks, progress, e);
        } finally {
            spark.sc().removeSparkListener(progress);
        }
        List<SuiteRunner.Finished> finished = new ArrayList<>();
        List<FailedRun> failed = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++) {
            RunKey key = todo.get(i);
            TaskOutcome outcome = outcomes.get(i);
            if (!outcome.succeeded()) {
                FailedRun f = new FailedRun(key, outcome.failure() + " (on " + outcome.host() + ")");
                failed.add(f);
                listener.runFailed(f);
                continue;
            }
            RunResult result = progress.result(i).orElseThrow(() -> new OutputException(
                    store.location(plan.path(key)) + " is missing although its task reported it written; check "
                            + "that every executor writes to the same --out (a shared file system)"));
            finished.add(new SuiteRunner.Finished(key, result));
            listener.runFinished(key, result);
        }
        return new Outcome(finished, failed);
    }

    /** How long an aborted stage's tasks may go on before the driver lists what is missing without them. */
    private static final long ABORT_GRACE_MINUTES = 10;

    /**
     * Waits until no executor runs a task: when Spark aborts a stage its other tasks are asked to stop, but a run
     * does not stop mid-training, and one that ends a moment later still writes its result (measured: with runs of
     * 0.3 s the next task of a {@code local[1]} sweep finished after the abort). Listing it as missing would be wrong.
     */
    private static void awaitRunningTasks(JavaSparkContext spark) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(ABORT_GRACE_MINUTES);
        while (System.nanoTime() < deadline && java.util.Arrays.stream(spark.sc().statusTracker().getExecutorInfos())
                .anyMatch(x -> x.numRunningTasks() > 0)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * After an aborted job, what its tasks left: runs whose result was written are finished (nothing computed
     * is lost), the others failed with Spark's reason.
     */
    private static List<TaskOutcome> afterAbort(List<TaskKey> tasks, TaskProgress progress, Exception abort)
            throws OutputException {
        String reason = "Spark aborted the stage: " + (abort.getMessage() == null ? abort.getClass().getSimpleName()
                : abort.getMessage().lines().findFirst().orElse("").strip());
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            outcomes.add(new TaskOutcome(tasks.get(i), progress.result(i).isPresent() ? null : reason, "driver", 0));
        }
        return outcomes;
    }

    /**
     * Prints a line as each task ends (on Spark's listener thread), reading the run's result from the store once:
     * the driver's outcome uses the same copy.
     */
    private final class TaskProgress extends SparkListener {
        private final List<RunKey> todo;
        private final List<TaskKey> tasks;
        private final ResultStore store;
        private final java.util.BitSet printed = new java.util.BitSet();
        private final java.util.Map<Integer, RunResult> results = new java.util.HashMap<>();
        private boolean finished;
        private int done;

        TaskProgress(List<RunKey> todo, List<TaskKey> tasks, ResultStore store) {
            this.todo = todo;
            this.tasks = tasks;
            this.store = store;
        }

        /** Prints the runs whose task-end events have not arrived yet, then ignores late events. */
        synchronized void finish(List<TaskOutcome> outcomes) {
            for (int i = 0; i < outcomes.size(); i++) {
                if (!printed.get(i)) {
                    print(i, outcomes.get(i).seconds(), "on " + outcomes.get(i).host());
                }
            }
            finished = true;
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            int index = end.taskInfo().index();
            if (finished || index < 0 || index >= todo.size() || printed.get(index)) {
                return;
            }
            RunKey key = todo.get(index);
            String where = "on executor " + end.taskInfo().executorId() + " (" + end.taskInfo().host() + ")";
            double seconds = end.taskInfo().duration() / 1000.0;
            if (!end.taskInfo().successful()) {
                out.printf(Locale.ROOT, "lost  %-28s attempt %d %s (%s); Spark retries it%n", key,
                        end.taskInfo().attemptNumber(), where, end.reason().getClass().getSimpleName()
                                .replace("$", ""));
                out.flush();
                return;
            }
            print(index, seconds, where);
        }

        /**
         * @param index a task's index
         * @return its run's result, read from the store the first time it is asked for (absent: not written)
         * @throws OutputException if it exists but cannot be read
         */
        synchronized java.util.Optional<RunResult> result(int index) throws OutputException {
            RunResult r = results.get(index);
            if (r == null) {
                java.util.Optional<RunResult> read = store.read(tasks.get(index).relativePath());
                read.ifPresent(found -> results.put(index, found));
                return read;
            }
            return java.util.Optional.of(r);
        }

        private void print(int index, double seconds, String where) {
            printed.set(index);
            String line;
            try {
                line = result(index).map(TaskProgress::summary).orElse("FAILED (listed at the end)");
            } catch (OutputException | RuntimeException e) {
                line = "written, unreadable: " + e.getMessage();
            }
            out.printf(Locale.ROOT, "done  [%d/%d] %-28s %s | %.0f s %s%n", ++done, todo.size(), todo.get(index),
                    line, seconds, where);
            out.flush();
        }

        private static String summary(RunResult r) {
            if (r.status() == RunStatus.DIVERGED) {
                return "DIVERGED: " + r.failure();
            }
            var m = r.finalMetrics();
            return String.format(Locale.ROOT, "train %.4f | val %s | test %.4f%s", m.train().loss(),
                    m.validation() == null ? "-" : String.format(Locale.ROOT, "%.4f", m.validation().loss()),
                    m.test().loss() == null ? Double.NaN : m.test().loss(), m.test().accuracy() == null ? ""
                            : String.format(Locale.ROOT, " | test acc %.2f%%", 100 * m.test().accuracy()));
        }
    }
}
