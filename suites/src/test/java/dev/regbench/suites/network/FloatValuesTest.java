package dev.regbench.suites.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The bulk copy gives ND4J's values in the order asked, for whole arrays and for views at an offset. */
class FloatValuesTest {
    @Test
    void valuesOfArraysAndViewsInEitherOrder() {
        INDArray c = Nd4j.linspace(1, 60, 60, DataType.FLOAT).reshape('c', 6, 10);
        INDArray f = c.dup('f');
        INDArray rows = c.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all());          // contiguous, offset 20
        INDArray columns = c.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 7));       // strided
        INDArray fColumns = f.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 7));      // contiguous in 'f', offset 18
        INDArray flat = Nd4j.linspace(1, 100, 100, DataType.FLOAT).reshape(1, 100);
        INDArray fView = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(40, 64)).reshape('f', 4, 6);
        for (INDArray a : new INDArray[] {c, f, rows, columns, fColumns, fView}) {
            assertArrayEquals(a.dup('c').data().asFloat(), FloatValues.of(a, 'c'), 0f, a.shapeInfoToString());
            assertArrayEquals(a.dup('f').data().asFloat(), FloatValues.of(a, 'f'), 0f, a.shapeInfoToString());
        }
        INDArray doubles = Nd4j.linspace(1, 6, 6, DataType.DOUBLE).reshape(2, 3);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, FloatValues.of(doubles, 'c'), 0f);
    }
}
