package dev.regbench.suites.tuned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The tuned max-norm pass against DL4J's {@code MaxNormConstraint(c, 0)} on the same weights: column-major
 * matrices, including a view inside a larger flattened parameter vector (as DL4J lays out a network's params),
 * with units above the bound (rescaled to c) and below it (shrunk by ε only).
 */
class ColumnMaxNormTest {

    private static INDArray weights(long seed, int rows, int columns, char order) {
        Nd4j.getRandom().setSeed(seed);
        INDArray w = Nd4j.randn(DataType.FLOAT, rows, columns).dup(order);
        // Scale columns so that about half exceed c = 2 (norms from 0.2 to 6).
        for (int j = 0; j < columns; j++) {
            w.getColumn(j).muli(0.2 + 5.8 * j / (columns - 1) / Math.sqrt(rows));
        }
        return w;
    }

    @Test
    void equalsDl4jsConstraintWithinFloatRounding() {
        for (int[] shape : new int[][] {{784, 64}, {1024, 257}, {3, 5}}) {
            INDArray stock = weights(7, shape[0], shape[1], 'f');
            INDArray tuned = stock.dup('f');
            new MaxNormConstraint(2.0, 0).apply(stock);
            new ColumnMaxNorm(2.0).apply(tuned);
            float[] s = stock.dup('c').data().asFloat();
            float[] t = tuned.dup('c').data().asFloat();
            int changedBeyondUlp = 0;
            for (int i = 0; i < s.length; i++) {
                assertEquals(s[i], t[i], 1e-6 * Math.abs(s[i]) + 1e-30, "element " + i + " (float rounding of the norm)");
                changedBeyondUlp += s[i] != t[i] ? 1 : 0;
            }
            INDArray norms = tuned.norm2(0);
            assertTrue(norms.maxNumber().doubleValue() <= 2.0 + 1e-5, "every unit within the bound");
            assertTrue(changedBeyondUlp <= s.length, "sanity");
        }
    }

    @Test
    void aViewInsideTheFlattenedParametersIsRescaledInPlaceAndNothingElse() {
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 10 + 50 * 8 + 6).muli(3);
        INDArray stockFlat = flat.dup();
        INDArray view = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(10, 10 + 400)).reshape('f', 50, 8);
        INDArray stockView = stockFlat.get(NDArrayIndex.point(0), NDArrayIndex.interval(10, 10 + 400))
                .reshape('f', 50, 8);
        new ColumnMaxNorm(1.5).apply(view);
        new MaxNormConstraint(1.5, 0).apply(stockView);
        float[] a = flat.data().asFloat();
        float[] b = stockFlat.data().asFloat();
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-6 * Math.abs(b[i]) + 1e-30, "element " + i);
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(b, 0, 10), java.util.Arrays.copyOfRange(a, 0, 10),
                "the parameters before the view are untouched");
        assertArrayEquals(java.util.Arrays.copyOfRange(b, 410, 416), java.util.Arrays.copyOfRange(a, 410, 416),
                "the parameters after it too");
    }

    @Test
    void rowMajorMatricesGoToDl4jsOwnCodeBitForBit() {
        INDArray stock = weights(3, 40, 9, 'c');
        INDArray tuned = stock.dup('c');
        new MaxNormConstraint(2.0, 0).apply(stock);
        new ColumnMaxNorm(2.0).apply(tuned);
        assertEquals(stock, tuned);
    }
}
