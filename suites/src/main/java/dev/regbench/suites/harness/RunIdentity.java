package dev.regbench.suites.harness;

import dev.regbench.reports.schema.RunResult;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that changes a run's numbers besides its seed: the configuration (suite, grid point, training-set
 * size and command-line overrides, as {@code suite.effectiveSha256}), the implementation that trained it, the
 * ND4J backend and native build, and the data files. Resuming skips a finished run only if its identity equals
 * the identity the run would have now, so results of different code paths or data are never mixed in one
 * output directory.
 *
 * @param configuration  {@code suite.effectiveSha256}
 * @param implementation {@code tuned} or {@code stock}
 * @param backend        the ND4J backend, e.g. {@code CPU}
 * @param nativeBuild    the loaded native build, e.g. {@code linux-x86_64-onednn}; may be null if unknown
 * @param data           {@code dataset.dataSha256}; null for the generated polynomial task
 */
public record RunIdentity(String configuration, String implementation, String backend, String nativeBuild,
                          String data) {

    /** @return the identity a finished run recorded (fields of files written before they were recorded: null) */
    public static RunIdentity of(RunResult r) {
        return new RunIdentity(r.suite().effectiveSha256(), r.implementation(),
                r.environment() == null ? null : r.environment().backend(),
                r.environment() == null ? null : r.environment().nativeBuild(), r.dataset().dataSha256());
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
        if (!Objects.equals(backend, now.backend)) {
            return Optional.of("backend " + orUnknown(backend) + " (now " + now.backend + ")");
        }
        if (!Objects.equals(nativeBuild, now.nativeBuild)) {
            return Optional.of("native build " + orUnknown(nativeBuild) + " (now " + now.nativeBuild + ")");
        }
        if (!Objects.equals(data, now.data)) {
            return Optional.of("other data files (sha256 " + abbreviate(data) + " vs now " + abbreviate(now.data) + ")");
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
