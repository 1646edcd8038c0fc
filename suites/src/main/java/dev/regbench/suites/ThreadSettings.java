package dev.regbench.suites;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread configuration. OpenMP threads (libnd4j's element-wise ops) come from the environment
 * variable {@code OMP_NUM_THREADS}, which must be set before ND4J loads (the launcher sets 1 unless you set
 * it); BLAS threads (the matrix multiplications that dominate an MLP) are set here. On small machines one
 * OpenMP thread plus one BLAS thread per core is fastest: more threads than cores cost 2–3× (see
 * {@code docs/performance.md}).
 */
public final class ThreadSettings {
    private ThreadSettings() {
    }

    /** System property giving the BLAS threads when no explicit value is passed (e.g. to JMH forks). */
    public static final String BLAS_THREADS_PROPERTY = "regbench.blasThreads";

    /**
     * @param blasThreads BLAS threads to use, ≥ 1; null for the system property {@value #BLAS_THREADS_PROPERTY}
     *                    if set, else one per logical core
     * @return the BLAS thread count in force afterwards
     */
    public static int apply(Integer blasThreads) {
        int threads = blasThreads != null ? blasThreads
                : Integer.getInteger(BLAS_THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
        }
        Nd4j.factory().blas().setMaxThreads(threads);
        return Nd4j.factory().blas().getMaxThreads();
    }
}
