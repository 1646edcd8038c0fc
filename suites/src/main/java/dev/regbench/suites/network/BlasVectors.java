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
     * @return Σw² by one BLAS dot product (vectorized and multi-threaded, unlike libnd4j's norm2 reduction)
     */
    static double squaredNorm(INDArray param) {
        INDArray w = asVector(param);
        return org.nd4j.linalg.factory.Nd4j.getBlasWrapper().dot(w, w);
    }
}
