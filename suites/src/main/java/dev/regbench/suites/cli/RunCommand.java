package dev.regbench.suites.cli;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataFileException;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.ThreadSettings;
import dev.regbench.suites.harness.Estimator;
import dev.regbench.suites.harness.OutputException;
import dev.regbench.suites.harness.ResultStore;
import dev.regbench.suites.harness.RunSummary;
import dev.regbench.suites.harness.SuiteRunner;
import dev.regbench.suites.harness.TaskData;
import dev.regbench.suites.harness.TaskDataLoader;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteException;
import dev.regbench.suites.suite.SuiteParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code regbench run}: trains every regularizer × seed of a suite and writes one result file per run.
 * Re-running with the same {@code --out} resumes.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains every regularizer x seed of a suite; writes <out>/runs/<regularizer>-seed<k>.json.",
                "Re-running with the same --out resumes: finished runs are skipped, unfinished ones start over.",
                "Exit code 0 when every run finished (diverged runs are results and are listed at the end), "
                        + "1 on a bad suite, missing data or unusable output, 2 on bad options."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "Suite file, e.g. suites/mnist-quick.yaml.")
    private Path suiteFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created; locked while running).")
    private Path out;

    @Option(names = "--seeds", split = ",", paramLabel = "K", description = "Run these seeds instead of the suite's, e.g. 1,2.")
    private List<Long> seeds;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Only these regularizers (suite names), e.g. l2,none.")
    private List<String> only;

    @Option(names = "--epochs", paramLabel = "N", description = "Override the suite's epochs.")
    private Integer epochs;

    @Option(names = "--train-size", paramLabel = "N", description = "Override the suite's trainSize (image datasets).")
    private Integer trainSize;

    @Option(names = "--threads", paramLabel = "N",
            description = "BLAS threads (default: cores not used by OpenMP, at least 1). OpenMP threads come from OMP_NUM_THREADS.")
    private Integer threads;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: $REGBENCH_DATA, else datasets/data).")
    private Path dataDir;

    @Option(names = "--estimate",
            description = "Only estimate how long the pending runs take (times a few real steps), then exit.")
    private boolean estimate;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Suite suite;
        try {
            suite = SuiteParser.parse(suiteFile);
        } catch (SuiteException e) {
            err.println(e.getMessage());
            return RegbenchCli.USER_ERROR;
        }
        try {
            suite = suite.withOverrides(epochs, trainSize, seeds, only);
            ThreadSettings.apply(threads);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (ResultStore store = ResultStore.open(this.out)) {
            store.keepSuiteFile(suiteFile);
            TaskData data = TaskDataLoader.load(suite, DataDirectory.resolve(Optional.ofNullable(dataDir)));
            Environment environment = EnvironmentProbe.current();
            SuiteRunner runner = new SuiteRunner(suite, data, environment);
            if (estimate) {
                SuiteRunner.Plan plan = runner.pending(store);
                double seconds = new Estimator(suite, data).seconds(plan.todo());
                out.printf(Locale.ROOT, "estimate: %d pending run(s) of suite %s (%d already finished): about %s "
                                + "(estimatedSeconds=%.0f)%n", plan.todo().size(), suite.name(), plan.finished().size(),
                        ConsoleProgress.duration(seconds), seconds);
                return 0;
            }
            out.printf(Locale.ROOT, "suite %s (%s): %s, %d regularizer(s) x %d seed(s) = %d runs, %d epochs, "
                            + "train %d / eval %d / test %d examples%n", suite.name(), suiteFile,
                    suite.task().datasetName(), suite.variants().size(), suite.seeds().size(), runner.plan().size(),
                    suite.epochs(), data.info().trainSize(), data.info().evalTrainSize(), data.info().testSize());
            out.println("environment " + environment.brief() + ", " + environment.cpuModel());
            out.flush();
            boolean interactive = System.console() != null && !"dumb".equals(System.getenv("TERM"));
            Path runs = store.directory().resolve("runs");
            Thread onInterrupt = new Thread(() -> {
                err.println();
                err.println("interrupted: every finished run is saved in " + runs + "; the run in progress is lost. "
                        + "Re-run the same command to resume.");
                err.flush();
            }, "regbench-interrupt-message");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            RunSummary summary;
            try {
                summary = runner.run(store, new ConsoleProgress(out, interactive, suite.epochs()));
            } finally {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            }
            report(out, err, summary, store.directory());
            return 0;
        } catch (OutputException | DataFileException e) {
            err.println(e.getMessage());
            return RegbenchCli.USER_ERROR;
        }
    }

    private static void report(PrintWriter out, PrintWriter err, RunSummary summary, Path dir) {
        out.printf(Locale.ROOT, "done: %d run(s) trained, %d already finished; results in %s%n",
                summary.trained().size(), summary.skipped().size(), dir.resolve("runs"));
        List<RunResult> diverged = summary.diverged();
        if (!diverged.isEmpty()) {
            err.printf(Locale.ROOT, "WARNING: %d run(s) diverged (recorded with status \"diverged\"):%n", diverged.size());
            for (RunResult r : diverged) {
                err.printf(Locale.ROOT, "  %s seed %d: %s%n", r.regularizer().name(), r.seed(), r.failure());
            }
        }
        out.flush();
        err.flush();
    }
}
