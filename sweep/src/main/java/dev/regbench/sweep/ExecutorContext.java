package dev.regbench.sweep;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataFileException;
import dev.regbench.reports.schema.Environment;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.ThreadSettings;
import dev.regbench.suites.harness.OutputException;
import dev.regbench.suites.harness.SuiteData;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteException;
import dev.regbench.suites.suite.SuiteParser;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What an executor JVM needs for a sweep's tasks, built once per JVM and sweep and shared by its concurrent
 * tasks: the suite (parsed from the driver's bytes, overrides applied), its data (loaded from the executor's
 * data directory; read-only, {@link SuiteData} is safe to share), this JVM's environment and the output store.
 * Building it checks that this JVM trains as the sweep asked: the OpenMP threads per run, the driver's ND4J
 * backend and native build, and the driver's implementation with its activation layout.
 *
 * @param suite          the suite
 * @param data           its data
 * @param implementation tuned or stock layers
 * @param environment    this executor's, recorded in every result it writes
 * @param store          the output directory
 */
record ExecutorContext(Suite suite, SuiteData data, Implementation.Choice implementation, Environment environment,
                       HadoopResultStore store) {
    /** BLAS threads of every sweep run (its OpenMP threads are the sweep's threads per run). */
    static final int BLAS_THREADS = 1;

    private static String currentId;
    private static ExecutorContext current;

    /**
     * @param spec the sweep
     * @return the context of this sweep in this JVM (the previous sweep's is dropped)
     * @throws IllegalStateException naming the problem and its fix if this JVM cannot train the sweep's runs
     */
    static synchronized ExecutorContext of(SweepSpec spec) {
        if (spec.sweepId().equals(currentId)) {
            return current;
        }
        current = null;
        currentId = null;
        int omp = Nd4j.getEnvironment().maxThreads();
        if (omp != spec.threadsPerRun()) {
            throw new IllegalStateException("this executor runs ND4J with " + omp + " OpenMP thread(s), the sweep "
                    + "asked for " + spec.threadsPerRun() + " per run: set OMP_NUM_THREADS=" + spec.threadsPerRun()
                    + " in the executors' environment (regbench sweep sets spark.executorEnv.OMP_NUM_THREADS; a "
                    + "cluster's defaults may override it)");
        }
        ThreadSettings.apply(BLAS_THREADS); // with OpenMP threads = spark.task.cpus, BLAS gets one: the run's total
        Environment environment = EnvironmentProbe.current();
        if (!environment.backend().equals(spec.backend()) || !environment.nativeBuild().equals(spec.nativeBuild())) {
            throw new IllegalStateException("this executor runs ND4J " + environment.backend() + " "
                    + environment.nativeBuild() + ", the driver " + spec.backend() + " " + spec.nativeBuild()
                    + ": results would not be comparable; give executors the driver's jar and "
                    + "-Dorg.bytedeco.javacpp.platform.extension (spark.executor.extraJavaOptions)");
        }
        Implementation.Choice implementation = Implementation.of(spec.implementation()).choose();
        if (!implementation.id().equals(spec.implementation())
                || !java.util.Objects.equals(implementation.layout(), spec.layout())) {
            throw new IllegalStateException("this executor would train with " + implementation.label()
                    + (implementation.note() == null ? "" : " (" + implementation.note() + ")") + ", the driver with "
                    + spec.implementation() + (spec.layout() == null ? "" : " (" + spec.layout() + " layout)")
                    + ": results would not be comparable; run executors on CPUs of the driver's instruction set "
                    + "class with its JVM options, or pass --implementation stock");
        }
        try {
            Suite suite = SuiteParser.parse(Path.of(spec.suiteFile()), spec.suiteBytes())
                    .withOverrides(spec.overrides());
            SuiteData data = SuiteData.load(suite,
                    DataDirectory.resolve(Optional.ofNullable(spec.dataDir()).map(Path::of)));
            HadoopResultStore store = HadoopResultStore.open(spec.outUri(), new Configuration());
            current = new ExecutorContext(suite, data, implementation, environment, store);
            currentId = spec.sweepId();
            return current;
        } catch (SuiteException | DataFileException | OutputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
