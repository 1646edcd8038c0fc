package dev.regbench.suites.tuned;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The norms of a parameter array the penalties score, and its view as the flat vector BLAS level-1 routines take. */
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
     * @return Σw², for a contiguous float array summed as the fused update pass sums it in training
     *         ({@link VectorKernels#sumSquares}: float within blocks, double across), so that a score has the same
     *         penalty inside and outside {@code fit}; otherwise one BLAS dot product
     */
    static double squaredNorm(INDArray param) {
        if (VectorApi.available() && VectorKernels.contiguousFloat(param)) {
            return VectorKernels.sumSquares(param, 0, param.length());
        }
        INDArray w = asVector(param);
        return org.nd4j.linalg.factory.Nd4j.getBlasWrapper().dot(w, w);
    }

    /**
     * @param param a parameter array
     * @return Σ|w|, summed as {@link #squaredNorm} sums; otherwise one BLAS {@code asum}
     */
    static double absSum(INDArray param) {
        if (VectorApi.available() && VectorKernels.contiguousFloat(param)) {
            return VectorKernels.sumAbs(param, 0, param.length());
        }
        return org.nd4j.linalg.factory.Nd4j.getBlasWrapper().asum(asVector(param));
    }
}
