package dev.regbench.sweep;

import dev.regbench.reports.schema.Environment;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.cli.ConsoleProgress;
import dev.regbench.suites.cli.RegbenchCli;
import dev.regbench.suites.cli.RunReport;
import dev.regbench.suites.cli.SuiteOptions;
import dev.regbench.suites.harness.OutputException;
import dev.regbench.suites.harness.RunKey;
import dev.regbench.suites.harness.RunPlan;
import dev.regbench.suites.harness.RunSummary;
import dev.regbench.suites.harness.SuiteRunner;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code regbench sweep}: the protocol of {@code regbench run} with every pending run as one Spark task —
 * on all local cores by default, or on a cluster ({@code --master}, or {@code spark-submit}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a suite's runs as Apache Spark tasks: on every local core (default master local[k], "
                + "k = cores / threads per run) or on a cluster.",
                "Same protocol, same result files as 'regbench run': the driver skips finished runs, runs the tuning "
                        + "stage, writes the selection, then runs the evaluation stage. A run that throws is listed "
                        + "as failed and the others go on; re-running the same command retries it.",
                "Exit code 0 when every run finished, 1 when some failed or on a bad suite or output, 2 on bad "
                        + "options."})
public final class SweepCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private SuiteOptions suiteOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory: a local path or a Hadoop URI "
            + "(file://, hdfs://, s3a://) that every executor can write. Required unless --dry-run.")
    private String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[k], k = cores / "
            + "threads per run; spark-submit's --master wins), e.g. spark://host:7077, yarn, k8s://…")
    private String master;

    @Option(names = "--threads-per-run", paramLabel = "T", defaultValue = "1", description = "ND4J (OpenMP) "
            + "threads of each run, also spark.task.cpus on a cluster (default 1: one run per core). Results depend "
            + "on it; 'OMP_NUM_THREADS=T regbench run --threads 1' reproduces a sweep's run bit for bit.")
    private int threadsPerRun;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Extra Spark configuration, repeatable, "
            + "e.g. --conf spark.executor.memory=4g.")
    private Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory on every executor (default: "
            + "the executors' $REGBENCH_DATA, else datasets/data under regbench's home).")
    private String dataDir;

    @Option(names = "--implementation", paramLabel = "NAME", defaultValue = "tuned",
            description = "tuned (default) or stock; recorded in every result and part of what resuming checks.")
    private String implementation;

    @Option(names = "--dry-run", description = "Validate the suite and print the expanded grid; starts no Spark.")
    private boolean dryRun;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Set<String> faults;

    /** The command as users run it. */
    public SweepCommand() {
        this(Set.of());
    }

    /** @param faults result paths whose tasks throw (tests of failure handling only) */
    SweepCommand(Set<String> faults) {
        this.faults = faults;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Suite suite;
        byte[] suiteBytes; // parsed here, copied beside the results and shipped to executors: one read
        try {
            SuiteOptions.Loaded loaded = suiteOptions.load(spec.commandLine());
            suite = loaded.suite();
            suiteBytes = loaded.bytes();
        } catch (SuiteException e) {
            err.println(e.getMessage());
            return RegbenchCli.USER_ERROR;
        }
        RunPlan plan = new RunPlan(suite);
        if (dryRun) {
            plan.describe().forEach(stdout::println);
            stdout.flush();
            return 0;
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        if (threadsPerRun < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads-per-run must be >= 1, was "
                    + threadsPerRun);
        }
        Implementation.Choice code;
        try {
            code = Implementation.of(implementation).choose();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (code.note() != null) {
            err.println("regbench sweep: " + code.note());
            err.flush();
        }
        SparkConf sparkConf;
        String dataDir;
        try {
            dataDir = this.dataDir == null ? null : SparkSettings.absoluteDataDir(this.dataDir);
            sparkConf = SparkSettings.configure(new SparkConf(), master, threadsPerRun, conf, dataDir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean local = SparkSettings.isLocal(sparkConf.get("spark.master"));
        SparkSettings.oversubscription(sparkConf.get("spark.master"), threadsPerRun,
                Runtime.getRuntime().availableProcessors()).ifPresent(err::println);
        int driverThreads = Nd4j.getEnvironment().maxThreads();
        if (local && driverThreads != threadsPerRun) {
            err.println("this JVM runs ND4J with " + driverThreads + " OpenMP thread(s), but --threads-per-run is "
                    + threadsPerRun + ": local tasks run in this JVM, so start it with OMP_NUM_THREADS="
                    + threadsPerRun + " (scripts/regbench sweep does)");
            return RegbenchCli.USER_ERROR;
        }
        try {
            SparkSettings.checkDataDirReachable(sparkConf.get("spark.master"), dataDir);
        } catch (OutputException e) {
            err.println(e.getMessage());
            return RegbenchCli.USER_ERROR;
        }
        Environment environment = EnvironmentProbe.current();
        try (HadoopResultStore store = HadoopResultStore.open(out, new org.apache.hadoop.conf.Configuration());
             SweepLock lock = SweepLock.acquire(store)) {
            SparkSettings.checkOutputReachable(sparkConf.get("spark.master"), store.localDirectory());
            store.removeStalePartials();
            SweepSpec sweep = new SweepSpec(UUID.randomUUID().toString(), suiteOptions.suiteFile().toString(),
                    suiteBytes, suiteOptions.overrides(), code.id(), code.layout(), dataDir, threadsPerRun, store.uri(),
                    environment.backend(), environment.nativeBuild(), faults);
            try (SparkRunExecutor executor = new SparkRunExecutor(sparkConf, sweep, stdout)) {
                // Each task runs with threadsPerRun OpenMP threads and one BLAS thread (ExecutorContext).
                SuiteRunner runner = new SuiteRunner(suite, executor, code,
                        environment.withThreads(threadsPerRun, ExecutorContext.BLAS_THREADS));
                // Before Spark starts: refuses results of another configuration.
                List<RunKey> pending = runner.allPending(store);
                store.replace("suite.yaml", suiteBytes);
                plan.describe().forEach(stdout::println);
                stdout.printf(Locale.ROOT, "spark %s, master %s, %d thread(s) per run; driver %s, %s, "
                                + "implementation %s; %d run(s) pending%n", org.apache.spark.package$.MODULE$
                                .SPARK_VERSION(), sparkConf.get("spark.master"),
                        threadsPerRun, environment.brief(), environment.cpuModel(), code.label(), pending.size());
                stdout.flush();
                RunSummary summary = runner.run(store, new ConsoleProgress(stdout, false, suite.epochs()));
                recordFailures(store, summary);
                RunReport.print(stdout, err, summary, store.directoryName());
                sparkLog().ifPresent(log -> err.println("Spark's warnings and errors, with their traces: " + log));
                return summary.failed().isEmpty() ? 0 : RegbenchCli.USER_ERROR;
            }
        } catch (OutputException e) {
            err.println(e.getMessage());
            return RegbenchCli.USER_ERROR;
        }
    }

    /** @return the file Spark logged warnings or errors to in this process, if it logged any */
    private static java.util.Optional<java.nio.file.Path> sparkLog() {
        String name = System.getProperty(SweepMain.SPARK_LOG_PROPERTY);
        if (name == null) {
            return java.util.Optional.empty();
        }
        java.nio.file.Path log = java.nio.file.Path.of(name);
        try {
            return java.nio.file.Files.size(log) > 0 ? java.util.Optional.of(log) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty(); // nothing was logged: the file is created on the first message
        }
    }

    /** {@code <out>/failed-runs.txt}: one line per failed run, or no file when none failed. */
    private static void recordFailures(HadoopResultStore store, RunSummary summary) throws OutputException {
        if (summary.failed().isEmpty()) {
            store.remove(FAILED_FILE);
            return;
        }
        StringBuilder b = new StringBuilder();
        summary.failed().forEach(f -> b.append(f.key()).append(": ").append(f.message()).append('\n'));
        store.replace(FAILED_FILE, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Lists the runs of the last sweep that threw; a rerun retries them. */
    public static final String FAILED_FILE = "failed-runs.txt";
}
