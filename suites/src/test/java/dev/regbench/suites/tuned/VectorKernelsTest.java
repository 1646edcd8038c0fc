package dev.regbench.suites.tuned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

/** The fused forward kernel against libnd4j's own ops, bit for bit, including −0, NaN and the scalar tail. */
class VectorKernelsTest {
    @Test
    void biasReluKeepEqualsLibnd4jsBiasAddCopyAndRelu() {
        // 131 columns: 8 AVX-512 vectors (or 16 AVX2 ones) and a scalar tail of 3.
        int rows = 5;
        int cols = 131;
        Nd4j.getRandom().setSeed(3);
        INDArray product = Nd4j.randn(DataType.FLOAT, rows, cols);
        product.putScalar(0, 0, -0.0f);
        product.putScalar(1, 130, Float.NaN);
        product.putScalar(2, 129, -0.0f);
        // Feature-major: one bias element per row; batch-major: the whole bias along each row.
        for (boolean outputsAreRows : new boolean[] {true, false}) {
            INDArray bias = Nd4j.randn(DataType.FLOAT, 1, outputsAreRows ? rows : cols);
            for (INDArray b : new INDArray[] {bias, null}) {
                INDArray expectedZ = product.dup('c');
                if (b != null && outputsAreRows) {
                    expectedZ.addiColumnVector(b.reshape(rows, 1));
                } else if (b != null) {
                    expectedZ.addiRowVector(b.reshape(1, cols));
                }
                INDArray expectedA = expectedZ.dup('c');
                Nd4j.exec(new RectifiedLinear(expectedA, 0.0));

                INDArray p = product.dup('c');
                INDArray kept = Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
                VectorKernels.biasReluKeep(p, b, kept, outputsAreRows);
                String where = ", bias " + (b != null) + ", outputs are rows " + outputsAreRows;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        assertEquals(bits(expectedZ, r, c), bits(kept, r, c), "kept z at " + r + "," + c + where);
                        assertEquals(bits(expectedA, r, c), bits(p, r, c), "relu at " + r + "," + c + where);
                    }
                }
            }
        }
        // Without a bias −0 and NaN pass through the ReLU as libnd4j's op leaves them.
        INDArray zT = product.dup('c');
        VectorKernels.biasReluKeep(zT, null, Nd4j.createUninitialized(DataType.FLOAT, rows, cols), true);
        assertEquals(Float.floatToRawIntBits(-0.0f), bits(zT, 0, 0));
        assertTrue(Float.isNaN(zT.getFloat(1, 130)));
    }

    private static int bits(INDArray a, int r, int c) {
        return Float.floatToRawIntBits(a.getFloat(r, c));
    }
}
