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

    /**
     * @param blasThreads BLAS threads to use, ≥ 1; null for one per logical core
     * @return the BLAS thread count in force afterwards
     */
    public static int apply(Integer blasThreads) {
        int threads = blasThreads != null ? blasThreads : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
        }
        Nd4j.factory().blas().setMaxThreads(threads);
        return Nd4j.factory().blas().getMaxThreads();
    }
}
