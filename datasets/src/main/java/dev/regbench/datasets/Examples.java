package dev.regbench.datasets;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Supervised examples in memory, what minibatch iterators and evaluation consume.
 *
 * @param features {@code [n, inputs]} float32
 * @param targets  {@code [n, outputs]} float32: one-hot classes or regression targets
 */
public record Examples(INDArray features, INDArray targets) {
    /** Checks that both are matrices with the same number of rows. */
    public Examples {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(targets, "targets");
        if (features.rank() != 2 || targets.rank() != 2 || features.rows() != targets.rows()) {
            throw new IllegalArgumentException("features " + Arrays.toString(features.shape())
                    + " and targets " + Arrays.toString(targets.shape()) + " must be [n, *] with the same n");
        }
    }

    /** @return the number of examples */
    public int size() {
        return features.rows();
    }

    /** @return the number of input columns */
    public int inputs() {
        return features.columns();
    }

    /** @return the number of target columns */
    public int outputs() {
        return targets.columns();
    }
}
