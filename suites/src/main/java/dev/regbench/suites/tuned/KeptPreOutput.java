package dev.regbench.suites.tuned;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's pre-activation z = xW + b kept from one pass for one later use within the same training step,
 * tied to the input array it was computed from: it is handed out at most once, and only for that same input
 * array; any other request forgets it.
 */
final class KeptPreOutput {
    private INDArray z;
    private INDArray input;
    private long reuses;

    /**
     * @param z     the pre-activations to keep (in a workspace that outlives their use, or detached)
     * @param input the input array they were computed from
     */
    void keep(INDArray z, INDArray input) {
        this.z = z;
        this.input = input;
    }

    /** @return whether a z computed from this very input array is kept */
    boolean holdsFor(INDArray input) {
        return z != null && this.input == input;
    }

    /**
     * @param input the layer's current input array
     * @return the kept z if it was computed from {@code input}, else {@code null}; forgotten either way
     */
    INDArray take(INDArray input) {
        INDArray kept = holdsFor(input) ? z : null;
        forget();
        if (kept != null) {
            reuses++;
        }
        return kept;
    }

    void forget() {
        z = null;
        input = null;
    }

    /** @return how many times a kept z was handed out (for tests) */
    long reuses() {
        return reuses;
    }
}
