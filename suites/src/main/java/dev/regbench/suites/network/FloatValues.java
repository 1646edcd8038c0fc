package dev.regbench.suites.network;

import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ND4J float array's values as a Java array in one bulk copy. ND4J's own {@code asFloat()},
 * {@code toFloatVector()} and {@code toFloatMatrix()} read element by element (130 ns a float measured on the
 * polynomial network's 4,096-weight matrix: 0.5 ms, more than its forward pass over 1,000 points); this reads the
 * host buffer with one {@link java.nio.FloatBuffer#get} where the array lies contiguously in host memory (the CPU
 * backend), and falls back to ND4J's copy elsewhere.
 */
public final class FloatValues {
    private static final boolean HOST_BUFFERS = org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName()
            .contains("CpuBackend");

    private FloatValues() {
    }

    /**
     * @param a     a float array of any shape
     * @param order {@code 'c'} (row-major) or {@code 'f'} (column-major)
     * @return its values in that order
     */
    public static float[] of(INDArray a, char order) {
        if (!HOST_BUFFERS) {
            return a.castTo(DataType.FLOAT).dup(order).data().asFloat(); // a fresh buffer of exactly its values
        }
        INDArray own = a.ordering() == order && a.elementWiseStride() == 1 && a.dataType() == DataType.FLOAT
                ? a : a.castTo(DataType.FLOAT).dup(order);
        int n = Math.toIntExact(own.length());
        float[] values = new float[n];
        own.data().asNio().order(ByteOrder.nativeOrder()).position(Math.toIntExact(own.offset() * Float.BYTES))
                .slice().order(ByteOrder.nativeOrder()).asFloatBuffer().get(values);
        return values;
    }
}
