package dev.regbench.suites.cli;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataFileException;
import dev.regbench.reports.schema.Environment;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.ThreadSettings;
import dev.regbench.suites.harness.Estimator;
import dev.regbench.suites.harness.OutputException;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.harness.LocalResultStore;
import dev.regbench.suites.harness.RunSummary;
import dev.regbench.suites.harness.RunPlan;
import dev.regbench.suites.harness.SuiteData;
import dev.regbench.suites.harness.SuiteRunner;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteException;
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
        description = {"Trains a suite: every regularizer x grid point x seed; writes one result file per run under "
                + "<out>/runs/.",
                "Two-stage suites (tuneSeeds, evalSeeds) tune every grid point, choose each regularizer's point on "
                        + "validation metrics (<out>/selection.json), then re-train the chosen points on the evaluation "
                        + "seeds.",
                "Re-running with the same --out resumes: finished runs are skipped, unfinished ones start over.",
                "Exit code 0 when every run finished (diverged runs are results and are listed at the end), "
                        + "1 on a bad suite, missing data or unusable output, 2 on bad options."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private SuiteOptions suiteOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (created; locked while running). "
            + "Required unless --dry-run.")
    private Path out;

    @Option(names = "--dry-run", description = "Validate the suite and print the expanded grid (stages, points, seeds, "
            + "run count); trains nothing and reads no data.")
    private boolean dryRun;

    @Option(names = "--threads", paramLabel = "N",
            description = "BLAS threads (default: cores not used by OpenMP, at least 1). OpenMP threads come from OMP_NUM_THREADS.")
    private Integer threads;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: $REGBENCH_DATA, else datasets/data).")
    private Path dataDir;

    @Option(names = "--implementation", paramLabel = "NAME", defaultValue = "tuned",
            description = "tuned (regbench's drop-in layers, the default; CPU backend only, else stock with a note) or "
                    + "stock (DL4J's classes as shipped); recorded in every result and part of what resuming checks.")
    private String implementation;

    @Option(names = "--estimate",
            description = "Only estimate how long the pending runs take (times a few real steps), then exit.")
    private boolean estimate;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SuiteOptions.Loaded loaded;
        try {
            loaded = suiteOptions.load(spec.commandLine());
        } catch (SuiteException e) {
            err.println(e.getMessage());
            return RegbenchCli.USER_ERROR;
        }
        Suite suite = loaded.suite();
        RunPlan plan = new RunPlan(suite);
        if (dryRun) {
            plan.describe().forEach(out::println);
            out.flush();
            return 0;
        }
        if (this.out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        Implementation.Choice code;
        try {
            ThreadSettings.apply(threads);
            code = Implementation.of(implementation).choose();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (code.note() != null) {
            err.println("regbench run: " + code.note());
            err.flush();
        }
        try (LocalResultStore store = LocalResultStore.open(this.out)) {
            SuiteData data = SuiteData.load(suite, DataDirectory.resolve(Optional.ofNullable(dataDir)));
            Environment environment = EnvironmentProbe.current();
            SuiteRunner runner = new SuiteRunner(suite, data, code, environment);
            // Checks every existing result against what the runs would be now, before anything is written.
            List<dev.regbench.suites.harness.RunKey> pending = runner.allPending(store);
            if (estimate) {
                double seconds = new Estimator(suite, data, code).seconds(pending);
                plan.describe().forEach(line -> out.println("  " + line));
                out.printf(Locale.ROOT, "estimate: %d pending run(s) of suite %s: about %s (estimatedSeconds=%.0f)%n",
                        pending.size(), suite.name(), ConsoleProgress.duration(seconds), seconds);
                return 0;
            }
            store.keepSuiteFile(loaded.bytes()); // only now: the copy always describes the results beside it
            plan.describe().forEach(out::println);
            out.println("environment " + environment.brief() + ", " + environment.cpuModel() + ", implementation "
                    + code.label());
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
            RunReport.print(out, err, summary, store.directory().toString());
            return 0;
        } catch (OutputException | DataFileException e) {
            err.println(e.getMessage());
            return RegbenchCli.USER_ERROR;
        }
    }
}
