package dev.regbench.suites.harness;

import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RunResult;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that changes a run's numbers besides its seed: the configuration (suite, grid point, training-set
 * size and command-line overrides, as {@code suite.effectiveSha256}), the implementation that trained it and its
 * activation layout (chosen from the CPU's instruction set), the
 * ND4J backend and native build, the data files, and the OpenMP and BLAS threads (ND4J's reductions and
 * oneDNN's products split their sums by thread, so the last bits of a run depend on them). Resuming skips a
 * finished run only if its identity equals the identity the run would have now, so results of different code paths or data are never mixed in one
 * output directory.
 *
 * @param configuration  {@code suite.effectiveSha256}
 * @param implementation {@code tuned} or {@code stock}
 * @param layout         the tuned layers' activation layout (null for stock): it decides the order of their sums
 * @param backend        the ND4J backend, e.g. {@code CPU}
 * @param nativeBuild    the loaded native build, e.g. {@code linux-x86_64-onednn}; may be null if unknown
 * @param data           {@code dataset.dataSha256}; null for the generated polynomial task
 * @param threads        the OpenMP and BLAS threads; null if unrecorded
 */
public record RunIdentity(String configuration, String implementation, String layout, String backend, String nativeBuild,
                          String data, Threads threads) {

    /**
     * @param openMp libnd4j's OpenMP threads, ≥ 1
     * @param blas   the BLAS library's threads, ≥ 1
     */
    public record Threads(int openMp, int blas) {
        /** @return the threads a result's environment recorded, or null if it recorded none */
        static Threads of(Environment e) {
            return e == null ? null : new Threads(e.ompThreads(), e.blasThreads());
        }

        @Override
        public String toString() {
            return openMp + " OpenMP and " + blas + " BLAS thread" + (openMp == 1 && blas == 1 ? "" : "s");
        }
    }

    /** @return the identity a finished run recorded (fields of files written before they were recorded: null) */
    public static RunIdentity of(RunResult r) {
        return new RunIdentity(r.suite().effectiveSha256(), r.implementation(), r.activationLayout(),
                r.environment() == null ? null : r.environment().backend(),
                r.environment() == null ? null : r.environment().nativeBuild(), r.dataset().dataSha256(),
                Threads.of(r.environment()));
    }

    /**
     * @param now the identity the run would have now
     * @return what differs, in words ({@code implementation stock (now tuned)}), or empty if nothing does
     */
    public Optional<String> difference(RunIdentity now) {
        if (!Objects.equals(configuration, now.configuration)) {
            return Optional.of("a different configuration (sha256 " + abbreviate(configuration) + " vs now "
                    + abbreviate(now.configuration) + ")");
        }
        if (!Objects.equals(implementation, now.implementation)) {
            return Optional.of("implementation " + orUnknown(implementation) + " (now " + now.implementation + ")");
        }
        if (!Objects.equals(layout, now.layout)) {
            return Optional.of("activation layout " + orUnknown(layout) + " (now " + orUnknown(now.layout)
                    + "; the tuned path sums in another order here — another CPU, or a network it now trains "
                    + "another way: resume where it started, or use another --out)");
        }
        if (!Objects.equals(backend, now.backend)) {
            return Optional.of("backend " + orUnknown(backend) + " (now " + now.backend + ")");
        }
        if (!Objects.equals(nativeBuild, now.nativeBuild)) {
            return Optional.of("native build " + orUnknown(nativeBuild) + " (now " + now.nativeBuild + ")");
        }
        if (!Objects.equals(data, now.data)) {
            return Optional.of("other data files (sha256 " + abbreviate(data) + " vs now " + abbreviate(now.data) + ")");
        }
        if (!Objects.equals(threads, now.threads)) {
            return Optional.of((threads == null ? "unrecorded threads" : threads) + " (now " + now.threads
                    + "; sums split by thread round differently: resume with the same threads to continue it)");
        }
        return Optional.empty();
    }

    private static String orUnknown(String s) {
        return s == null ? "unrecorded" : s;
    }

    private static String abbreviate(String sha) {
        return sha == null ? "unrecorded" : sha.substring(0, Math.min(12, sha.length())) + "…";
    }
}
