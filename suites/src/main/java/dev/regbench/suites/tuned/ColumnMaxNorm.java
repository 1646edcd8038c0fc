package dev.regbench.suites.tuned;

import java.util.Collections;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's {@code MaxNormConstraint(c, 0)} — after every step each unit's incoming weights w (a column of a dense
 * layer's W [nIn, nOut]) become w · min(‖w‖, c) / (‖w‖ + ε), ε = 1e-6 — computed in one Java pass per column of
 * the column-major ('f') weight matrix, where DL4J runs norm2, a copy, a conditional replace, two divisions and a
 * broadcast multiply as separate ops (on the 1024 × 2048 layer of the Table 9 network the stock constraint cost
 * most of the step). The same float arithmetic as DL4J's ops, except the norm's sum of squares, which is
 * accumulated in double (rounding only: equal to DL4J's within float rounding, tested). Anything but a 2-D
 * column-major matrix with dimension 0 goes to DL4J's own code.
 */
public final class ColumnMaxNorm extends MaxNormConstraint {

    /**
     * @param maxNorm c &gt; 0, the largest norm of a unit's incoming weights
     */
    public ColumnMaxNorm(@JsonProperty("maxNorm") double maxNorm) {
        super(maxNorm, Collections.emptySet(), 0);
    }

    @Override
    public void apply(INDArray param) {
        if (param.rank() != 2 || param.ordering() != 'f' || dimensions == null || dimensions.length != 1
                || dimensions[0] != 0 || param.elementWiseStride() != 1 || !FloatMemory.available()
                || param.dataType() != org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            super.apply(param);
            return;
        }
        int rows = (int) param.rows();
        int columns = (int) param.columns();
        FloatMemory m = FloatMemory.of(param);
        int base = (int) param.offset() * Float.BYTES;
        float limit = (float) getMaxNorm();
        float eps = (float) epsilon;
        for (int j = 0; j < columns; j++) {
            int start = base + j * rows * Float.BYTES;
            double squares = 0;
            for (int i = 0; i < rows; i++) {
                float v = m.get(start + i * Float.BYTES);
                squares += (double) v * v;
            }
            float norm = (float) Math.sqrt(squares);
            float clipped = norm > limit ? limit : norm;
            float scale = clipped / (norm + eps);
            for (int i = 0; i < rows; i++) {
                int at = start + i * Float.BYTES;
                m.put(at, m.get(at) * scale);
            }
        }
    }

    @Override
    public ColumnMaxNorm clone() {
        ColumnMaxNorm c = new ColumnMaxNorm(getMaxNorm());
        c.setEpsilon(epsilon);
        return c;
    }
}
