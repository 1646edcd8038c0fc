package dev.regbench.suites.network;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Views a parameter array as the flat vector BLAS level-1 routines take. */
final class BlasVectors {
    private BlasVectors() {
    }

    /**
     * @param param a parameter array (DL4J's parameter views are contiguous)
     * @return a rank-1 view of the same elements, or a contiguous copy if the array is not contiguous
     */
    static INDArray asVector(INDArray param) {
        INDArray contiguous = param.elementWiseStride() == 1 ? param : param.dup(param.ordering());
        return contiguous.reshape(contiguous.ordering(), new long[] {contiguous.length()});
    }

    /**
     * @param param a parameter array
     * @return Σw²: for a large contiguous array on every OpenMP thread ({@link #inRegion}), otherwise one BLAS
     *         dot product (vectorized, unlike libnd4j's norm2 reduction)
     */
    static double squaredNorm(INDArray param) {
        if (inRegion(param)) {
            return regionSum(param, true);
        }
        INDArray w = asVector(param);
        return org.nd4j.linalg.factory.Nd4j.getBlasWrapper().dot(w, w);
    }

    /**
     * @param param a parameter array
     * @return Σ|w|: for a large contiguous array on every OpenMP thread ({@link #inRegion}), otherwise one BLAS
     *         {@code asum}
     */
    static double absSum(INDArray param) {
        if (inRegion(param)) {
            return regionSum(param, false);
        }
        return org.nd4j.linalg.factory.Nd4j.getBlasWrapper().asum(asVector(param));
    }

    /**
     * Whether to sum inside an OpenMP region, each thread over the share of the array it updated in the fused
     * update pass ({@link OmpRegion#share}, the same cut): after a parallel update, a single-threaded sum reads
     * half the array from the other core's cache, which on a shared machine's slow phases cost the L1 and L2
     * steps what the parallel update had saved.
     */
    private static boolean inRegion(INDArray param) {
        return VectorApi.available() && VectorKernels.contiguousFloat(param) && OmpRegion.worthwhile(param.length());
    }

    private static double regionSum(INDArray param, boolean squares) {
        double[] partial = new double[OmpRegion.maxThreads()];
        OmpRegion.run((thread, threads) -> {
            long[] share = OmpRegion.share(param.length(), thread, threads);
            partial[thread] = squares ? VectorKernels.sumSquares(param, share[0], share[1])
                    : VectorKernels.sumAbs(param, share[0], share[1]);
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }
}
