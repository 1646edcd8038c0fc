package dev.regbench.suites.tuned;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The arithmetic of a small dense network on Java float arrays ({@link SmallDense}): the layer products, their
 * gradients and the hidden activations. Matrices are row-major {@code [rows, columns]} except DL4J's weight
 * matrices, which stay where DL4J keeps them: column-major {@code W [nIn, nOut]} in the flattened parameters,
 * unit j's weights at {@code w + j·nIn}. Every sum runs over its terms in one fixed order (examples, inputs or units
 * ascending; products and sums separately rounded, no fused multiply-adds), so a result is the same on every CPU
 * and vector width; it differs from ND4J's products, which sum in blocks, in the last bits.
 */
final class DenseKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** tanh(±{@value}) is ±1 in float: the approximation's clamp. */
    private static final float TANH_CLAMP = 7.90531110763549805f;
    /** Below this |x|, tanh(x) = x in float. */
    private static final float TANH_TINY = 0.0004f;
    // The approximation's coefficients as vectors: JDK 17's C2 compiles lane-wise operations with a scalar operand
    // far slower than with a vector one (8-12x measured on the products), so every operand is a vector.
    private static final FloatVector CLAMP_HIGH = FloatVector.broadcast(S, TANH_CLAMP);
    private static final FloatVector CLAMP_LOW = FloatVector.broadcast(S, -TANH_CLAMP);
    private static final FloatVector TINY = FloatVector.broadcast(S, TANH_TINY);
    private static final FloatVector A13 = FloatVector.broadcast(S, -2.76076847742355e-16f);
    private static final FloatVector A11 = FloatVector.broadcast(S, 2.00018790482477e-13f);
    private static final FloatVector A9 = FloatVector.broadcast(S, -8.60467152213735e-11f);
    private static final FloatVector A7 = FloatVector.broadcast(S, 5.12229709037114e-08f);
    private static final FloatVector A5 = FloatVector.broadcast(S, 1.48572235717979e-05f);
    private static final FloatVector A3 = FloatVector.broadcast(S, 6.37261928875436e-04f);
    private static final FloatVector A1 = FloatVector.broadcast(S, 4.89352455891786e-03f);
    private static final FloatVector B6 = FloatVector.broadcast(S, 1.19825839466702e-06f);
    private static final FloatVector B4 = FloatVector.broadcast(S, 1.18534705686654e-04f);
    private static final FloatVector B2 = FloatVector.broadcast(S, 2.26843463243900e-03f);
    private static final FloatVector B0 = FloatVector.broadcast(S, 4.89352518554385e-03f);

    private DenseKernels() {
    }

    /**
     * z = a·W, then + b: {@code z[i, j] = (Σ_k a[i, k]·W[k, j]) + b[j]}, k ascending (ND4J's order of the bias
     * addition: after the product).
     *
     * @param a    input {@code [rows, nIn]}
     * @param wt   W transposed to row-major {@code [nIn, nOut]} ({@link #transpose})
     * @param bias the parameters holding b
     * @param b    offset of b in {@code bias}
     * @param z    output {@code [rows, nOut]}, overwritten
     */
    static void forward(float[] a, int rows, int nIn, float[] wt, float[] bias, int b, int nOut, float[] z) {
        int lanes = S.length();
        for (int i = 0; i < rows; i++) {
            int zi = i * nOut;
            int ai = i * nIn;
            int j = 0;
            for (; j + lanes <= nOut; j += lanes) {
                FloatVector acc = FloatVector.zero(S);
                for (int k = 0; k < nIn; k++) {
                    acc = acc.add(FloatVector.fromArray(S, wt, k * nOut + j).mul(FloatVector.broadcast(S, a[ai + k])));
                }
                acc.add(FloatVector.fromArray(S, bias, b + j)).intoArray(z, zi + j);
            }
            for (; j < nOut; j++) {
                float acc = 0f;
                for (int k = 0; k < nIn; k++) {
                    acc += a[ai + k] * wt[k * nOut + j];
                }
                z[zi + j] = acc + bias[b + j];
            }
        }
    }

    /** @param wt receives W [nIn, nOut] row-major, from DL4J's column-major W at {@code params[w …]} */
    static void transpose(float[] params, int w, int nIn, int nOut, float[] wt) {
        for (int j = 0; j < nOut; j++) {
            int column = w + j * nIn;
            for (int k = 0; k < nIn; k++) {
                wt[k * nOut + j] = params[column + k];
            }
        }
    }

    /**
     * The parameter gradients of one layer, summed over the batch (DL4J divides by the batch in the updater):
     * {@code ∂W[k, j] = Σ_i a[i, k]·δ[i, j]} and {@code ∂b[j] = Σ_i δ[i, j]}, i ascending.
     *
     * @param grad the flattened gradient, W's block column-major at {@code w}, b at {@code b}; overwritten there
     */
    static void parameterGradients(float[] a, float[] delta, int rows, int nIn, int nOut, float[] grad, int w, int b) {
        int lanes = S.length();
        for (int j = 0; j < nOut; j++) {
            int column = w + j * nIn;
            int k = 0;
            for (; k + lanes <= nIn; k += lanes) {
                FloatVector acc = FloatVector.zero(S);
                for (int i = 0; i < rows; i++) {
                    acc = acc.add(FloatVector.fromArray(S, a, i * nIn + k).mul(FloatVector.broadcast(S, delta[i * nOut + j])));
                }
                acc.intoArray(grad, column + k);
            }
            for (; k < nIn; k++) {
                float acc = 0f;
                for (int i = 0; i < rows; i++) {
                    acc += a[i * nIn + k] * delta[i * nOut + j];
                }
                grad[column + k] = acc;
            }
        }
        int j = 0;
        for (; j + lanes <= nOut; j += lanes) {
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < rows; i++) {
                acc = acc.add(FloatVector.fromArray(S, delta, i * nOut + j));
            }
            acc.intoArray(grad, b + j);
        }
        for (; j < nOut; j++) {
            float acc = 0f;
            for (int i = 0; i < rows; i++) {
                acc += delta[i * nOut + j];
            }
            grad[b + j] = acc;
        }
    }

    /**
     * The gradient at the layer's input: {@code ∂a[i, k] = Σ_j δ[i, j]·W[k, j]}, j ascending.
     *
     * @param out {@code [rows, nIn]}, overwritten
     */
    static void inputGradient(float[] delta, int rows, int nIn, int nOut, float[] params, int w, float[] out) {
        int lanes = S.length();
        for (int i = 0; i < rows; i++) {
            int oi = i * nIn;
            int di = i * nOut;
            int k = 0;
            for (; k + lanes <= nIn; k += lanes) {
                FloatVector acc = FloatVector.zero(S);
                for (int j = 0; j < nOut; j++) {
                    acc = acc.add(FloatVector.fromArray(S, params, w + j * nIn + k).mul(FloatVector.broadcast(S, delta[di + j])));
                }
                acc.intoArray(out, oi + k);
            }
            for (; k < nIn; k++) {
                float acc = 0f;
                for (int j = 0; j < nOut; j++) {
                    acc += delta[di + j] * params[w + j * nIn + k];
                }
                out[oi + k] = acc;
            }
        }
    }

    /**
     * tanh of {@code x[0 … n)} into {@code y}: a rational approximation in float (Eigen's {@code ptanh} for
     * float: odd degree-13 over even degree-6 polynomial on [−7.905, 7.905], x itself below 4e-4), within
     * 3e-7 of the exact value (tested), in lanes of any width with the same result.
     */
    static void tanh(float[] x, float[] y, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector c = v.min(CLAMP_HIGH).max(CLAMP_LOW);
            FloatVector x2 = c.mul(c);
            FloatVector p = x2.fma(A13, A11);
            p = x2.fma(p, A9);
            p = x2.fma(p, A7);
            p = x2.fma(p, A5);
            p = x2.fma(p, A3);
            p = x2.fma(p, A1);
            p = c.mul(p);
            FloatVector q = x2.fma(B6, B4);
            q = x2.fma(q, B2);
            q = x2.fma(q, B0);
            p.div(q).blend(v, v.abs().compare(VectorOperators.LT, TINY)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = tanh(x[i]);
        }
    }

    /** The scalar form of {@link #tanh(float[], float[], int)}: the same float operations, the same result. */
    static float tanh(float x) {
        if (Math.abs(x) < TANH_TINY) {
            return x;
        }
        float c = Math.max(Math.min(x, TANH_CLAMP), -TANH_CLAMP);
        float x2 = c * c;
        float p = Math.fma(x2, -2.76076847742355e-16f, 2.00018790482477e-13f);
        p = Math.fma(x2, p, -8.60467152213735e-11f);
        p = Math.fma(x2, p, 5.12229709037114e-08f);
        p = Math.fma(x2, p, 1.48572235717979e-05f);
        p = Math.fma(x2, p, 6.37261928875436e-04f);
        p = Math.fma(x2, p, 4.89352455891786e-03f);
        p = c * p;
        float q = Math.fma(x2, 1.19825839466702e-06f, 1.18534705686654e-04f);
        q = Math.fma(x2, q, 2.26843463243900e-03f);
        q = Math.fma(x2, q, 4.89352518554385e-03f);
        return p / q;
    }
}
