package dev.regbench.suites.network;

import java.util.Locale;

/**
 * How the dense layers and L1/L2 penalties are executed. Both implementations compute the same function;
 * the tuned dense layer sums its matrix products in another order (oneDNN), so parameters agree up to float
 * rounding — gradients within 1e-5 of their scale, parameters after 6 steps 1,000× closer to each other than
 * to where they started (tested) — and dropout masks bit for bit. Only the work done per step differs.
 */
public enum Implementation {
    /**
     * DL4J's own {@code DenseLayer}, {@code Dropout}, {@code L1Regularization} and {@code L2Regularization}
     * as shipped. Per training step DL4J recomputes every dense layer's forward product z = xW + b inside
     * backprop, draws dropout masks with a slow libnd4j op, and computes the penalty's score with libnd4j's
     * single-threaded norm reduction.
     */
    STOCK,
    /**
     * {@link ReusingDenseLayer} and {@link ReusingOutputLayer} (no recomputed forward products: 6, not 8,
     * multiply-adds per parameter and example; every product on oneDNN with a row-major result; ReLU's backprop in
     * one vectorized pass), {@link TunedNetwork} (no input gradient for the first layer, which training discards;
     * batch division, penalties, the SGD/Nesterov update and the step w −= update in one vectorized pass),
     * {@link UniformMaskDropout} (the same mask from a 4× faster op) and {@link L1Penalty}/{@link L2Penalty}
     * (score by one BLAS call). Needs the JDK's Vector API module. The default.
     */
    TUNED;

    /**
     * Checks, before any training, that this JVM can run the implementation.
     *
     * @throws IllegalArgumentException in one line naming the fix: the tuned implementation without the JDK's
     *                                  Vector API module
     */
    public void requireRuntime() {
        if (this == TUNED && !VectorApi.available()) {
            throw new IllegalArgumentException(VectorApi.MISSING);
        }
    }

    /** @return the name used on command lines and in JMH parameters: {@code stock} or {@code tuned} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code stock} or {@code tuned}
     * @return the implementation
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Implementation of(String id) {
        for (Implementation i : values()) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("implementation must be stock or tuned, was '" + id + "'");
    }
}
