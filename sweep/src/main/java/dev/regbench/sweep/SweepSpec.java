package dev.regbench.sweep;

import dev.regbench.suites.suite.Suite;
import java.io.Serializable;
import java.util.Set;

/**
 * What every task of one sweep shares, shipped once per task (a suite file is a few kilobytes): the suite as
 * the driver read it, the command line's overrides, and how runs must be trained so that their results are
 * identical to what {@code regbench run} would produce with the same threads.
 *
 * @param sweepId        unique per driver invocation; executors cache their loaded data under it
 * @param suiteFile      the suite file's path on the driver (recorded in results, as {@code regbench run} does)
 * @param suiteBytes     its content
 * @param overrides      command-line overrides
 * @param implementation what trains on the driver: tuned or stock layers
 *                       ({@link dev.regbench.suites.network.Implementation.Choice#id()}); executors must train with it
 * @param layout         the driver's activation layout of the tuned layers (null for stock): executors must match
 *                       it (part of a run's identity)
 * @param dataDir        the executors' data directory, or null for their {@code $REGBENCH_DATA} / default
 * @param threadsPerRun  OpenMP threads each task's ND4J must have, ≥ 1 ({@code spark.task.cpus})
 * @param outUri         the output directory as a Hadoop URI
 * @param backend        the driver's ND4J backend: executors must match it (part of a run's identity)
 * @param nativeBuild    the driver's native build: executors must match it
 * @param faults         result paths whose tasks throw instead of training (prefixed with {@link #UNCAUGHT}:
 *                       whose tasks fail in Spark's eyes): a test's fault injection, empty in every real sweep
 *                       (the command line cannot set it)
 */
public record SweepSpec(String sweepId, String suiteFile, byte[] suiteBytes, Suite.Overrides overrides,
                        String implementation, String layout, String dataDir, int threadsPerRun, String outUri, String backend,
                        String nativeBuild, Set<String> faults) implements Serializable {
    /** Prefix of a fault whose error escapes the task, so that Spark sees the task fail. */
    public static final String UNCAUGHT = "uncaught:";

    /** Copies the fault set into a serializable one. */
    public SweepSpec {
        faults = Set.copyOf(faults);
        if (threadsPerRun < 1) {
            throw new IllegalArgumentException("threads per run must be >= 1, was " + threadsPerRun);
        }
    }
}
