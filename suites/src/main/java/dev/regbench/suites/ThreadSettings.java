package dev.regbench.suites;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread configuration: one thread per core in total, never more. OpenMP threads (libnd4j's
 * element-wise ops and, in the oneDNN build, the matrix products of regbench's tuned layers) come from the
 * environment variable {@code OMP_NUM_THREADS}, which must be set before ND4J loads (the launcher sets one per
 * core unless you set it); BLAS threads (OpenBLAS: the products libnd4j does not hand to oneDNN) are set
 * here, by default to the cores left over: 1 when OpenMP has them all. Two thread pools busy on the same
 * cores cost 2–3× (see {@code docs/performance.md}).
 */
public final class ThreadSettings {
    private ThreadSettings() {
    }

    /** System property giving the BLAS threads when no explicit value is passed (e.g. to JMH forks). */
    public static final String BLAS_THREADS_PROPERTY = "regbench.blasThreads";

    /**
     * @param blasThreads BLAS threads to use, ≥ 1; null for the system property {@value #BLAS_THREADS_PROPERTY}
     *                    if set, else {@link #defaultBlasThreads()}
     * @return the BLAS thread count in force afterwards
     */
    public static int apply(Integer blasThreads) {
        int threads = blasThreads != null ? blasThreads
                : Integer.getInteger(BLAS_THREADS_PROPERTY, defaultBlasThreads());
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
        }
        Nd4j.factory().blas().setMaxThreads(threads);
        return Nd4j.factory().blas().getMaxThreads();
    }

    /** @return logical cores divided by libnd4j's OpenMP threads, at least 1 */
    public static int defaultBlasThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, Nd4j.getEnvironment().maxThreads()));
    }
}
