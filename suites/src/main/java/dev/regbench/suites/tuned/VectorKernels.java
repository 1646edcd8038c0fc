package dev.regbench.suites.tuned;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element-wise passes over ND4J's off-heap float buffers, written with the JDK's Vector API (one pass where
 * libnd4j needs several single-threaded ops), reading and writing memory through {@link FloatMemory} (Java 17's
 * buffer methods or Java 20+'s segment methods). Needs {@code --add-modules=jdk.incubator.vector} at run time:
 * {@link VectorApi#available()} says whether this JVM has it; without it this class cannot load. Every kernel evaluates the same float expressions, in the
 * same order, as the DL4J/libnd4j ops it replaces (no fused multiply-adds), so results agree with them up to
 * libnd4j's own compiler contractions (tested against the stock path).
 */
final class VectorKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED; // as many lanes as S

    private VectorKernels() {
    }

    /**
     * The coefficients of one fused SGD/Nesterov update of a contiguous range of parameters (DL4J's order:
     * divide by the batch, pre-updater penalties, updater, post-updater weight decay).
     *
     * @param batch       examples in the minibatch (≥ 1; 1 = no division)
     * @param l1          L1 coefficient λ₁ ≥ 0: g += λ₁·sign(w)
     * @param l2          L2 coefficient λ₂ ≥ 0: g += λ₂·w
     * @param learningRate the updater's learning rate at this iteration (> 0)
     * @param momentum    Nesterov momentum μ in [0, 1), or {@code NaN} for plain SGD (update = lr·g)
     * @param decay       post-updater weight decay (already multiplied by the learning rate if DL4J's
     *                    {@code applyLR}): update += decay·w
     */
    record Update(float batch, float l1, float l2, float learningRate, float momentum, float decay) {
    }

    /**
     * One SGD/Nesterov update and step (w −= update) of {@code [from, to)}, advancing the Nesterov state
     * {@code v[vFrom, …)}; the gradient is only read. DL4J's updater writes the update into the gradient for its
     * step function to subtract; here it is not written back because on a shared machine that store is the most
     * expensive part of the pass: the gradient's cache lines were just written by both OpenMP threads' products,
     * and in the machine's slow phases one store stream of 7.5 MB cost 4.6 ms per MNIST-MLP step (measured,
     * docs/performance.md).
     *
     * @param params   the network's flattened parameters (float, contiguous)
     * @param gradient the network's flattened gradient (float, contiguous), summed over the batch; unchanged
     * @param state    the Nesterov velocity (float, contiguous), or {@code null} for plain SGD
     * @param from     first element of the range, in params/gradient
     * @param to       one past the last element
     * @param vFrom    the range's first element in {@code state}
     * @param u        the coefficients
     * @param norms    {@code null}, or receives Σw² (added to {@code norms[0]}) and Σ|w| ({@code norms[1]}) of the
     *                 range's parameters as read, before the step: the penalties' sums ({@link NormPenalty}),
     *                 summed in float within blocks of {@value #SUM_BLOCK} elements and in double across them
     */
    static void update(INDArray params, INDArray gradient, INDArray state, long from, long to, long vFrom, Update u,
                       double[] norms) {
        FloatMemory p = FloatMemory.of(params);
        FloatMemory g = FloatMemory.of(gradient);
        FloatMemory v = state == null ? null : FloatMemory.of(state);
        int n = Math.toIntExact(to - from);
        int pOff = Math.toIntExact((params.offset() + from) * Float.BYTES);
        int gOff = Math.toIntExact((gradient.offset() + from) * Float.BYTES);
        int vOff = v == null ? 0 : Math.toIntExact((state.offset() + vFrom) * Float.BYTES);
        float batch = u.batch();
        float l1 = u.l1();
        float l2 = u.l2();
        float lr = u.learningRate();
        float mu = u.momentum();
        float muT = -mu - 1f;
        float decay = u.decay();
        boolean nesterov = v != null;
        boolean summing = norms != null;
        int i = 0;
        int bound = S.loopBound(n);
        while (i < bound) {
            int blockEnd = summing ? Math.min(bound, i + SUM_BLOCK) : bound;
            FloatVector squares = FloatVector.zero(S);
            FloatVector magnitudes = FloatVector.zero(S);
            for (; i < blockEnd; i += S.length()) {
                int b = i * Float.BYTES;
                FloatVector w = p.load(S, pOff + b);
                // Summed whether needed or not: with the sums under a branch, C2 compiled this loop far slower
                // (the L2 step 17 % slower in regbench speed; likely boxed vectors); two adds per vector are
                // free in this memory-bound pass.
                squares = squares.add(w.mul(w));
                magnitudes = magnitudes.add(w.abs());
                FloatVector gi = g.load(S, gOff + b).div(batch);
                if (l1 != 0f) {
                    FloatVector sign = FloatVector.zero(S).blend(1f, w.compare(VectorOperators.GT, 0f))
                            .blend(-1f, w.compare(VectorOperators.LT, 0f));
                    gi = gi.add(sign.mul(l1));
                }
                if (l2 != 0f) {
                    gi = gi.add(w.mul(l2));
                }
                FloatVector update;
                if (nesterov) {
                    FloatVector prev = v.load(S, vOff + b).mul(mu);
                    FloatVector vi = prev.sub(gi.mul(lr));
                    v.store(vi, vOff + b);
                    update = prev.add(vi.mul(muT));
                } else {
                    update = gi.mul(lr);
                }
                if (decay != 0f) {
                    update = update.add(w.mul(decay));
                }
                p.store(w.sub(update), pOff + b);
            }
            if (summing) {
                norms[0] += squares.reduceLanes(VectorOperators.ADD);
                norms[1] += magnitudes.reduceLanes(VectorOperators.ADD);
            }
        }
        for (; i < n; i++) {
            int b = i * Float.BYTES;
            float w = p.get(pOff + b);
            if (summing) {
                norms[0] += (double) w * w;
                norms[1] += Math.abs(w);
            }
            float gi = g.get(gOff + b) / batch;
            if (l1 != 0f) {
                gi = gi + Math.signum(w) * l1;
            }
            if (l2 != 0f) {
                gi = gi + w * l2;
            }
            float update;
            if (nesterov) {
                float prev = mu * v.get(vOff + b);
                float vi = prev - lr * gi;
                v.put(vOff + b, vi);
                update = prev + muT * vi;
            } else {
                update = gi * lr;
            }
            if (decay != 0f) {
                update = update + w * decay;
            }
            p.put(pOff + b, w - update);
        }
    }

    /**
     * δ = ε ⊙ [z &gt; 0], ReLU's backprop (DL4J's {@code ActivationReLU} with no maximum, threshold or leak:
     * libnd4j's {@code RectifiedLinearDerivative}), written over z.
     *
     * @param z       the pre-activations, contiguous, same order and shape as {@code epsilon}; becomes ∂L/∂z
     * @param epsilon ∂L/∂a, contiguous; unchanged
     */
    static void reluBackprop(INDArray z, INDArray epsilon) {
        FloatMemory zb = FloatMemory.of(z);
        FloatMemory eb = FloatMemory.of(epsilon);
        int n = Math.toIntExact(z.length());
        int zOff = Math.toIntExact(z.offset() * Float.BYTES);
        int eOff = Math.toIntExact(epsilon.offset() * Float.BYTES);
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            int b = i * Float.BYTES;
            VectorMask<Float> active = zb.load(S, zOff + b).compare(VectorOperators.GT, 0f);
            zb.store(zero.blend(eb.load(S, eOff + b), active), zOff + b);
        }
        for (; i < n; i++) {
            int b = i * Float.BYTES;
            zb.put(zOff + b, zb.get(zOff + b) > 0f ? eb.get(eOff + b) : 0f);
        }
    }

    /**
     * A hidden ReLU layer's forward pass after its product, in one pass over it: {@code kept = p + b} (the
     * pre-activations backprop needs) and {@code p = relu(p + b)} in place — DL4J's bias add, copy and in-place
     * ReLU (libnd4j's {@code RELU}: {@code z < 0 ? 0 : z}, which keeps −0 and NaN) as one pass instead of three.
     *
     * @param p              the product without the bias, row-major, contiguous: outputs × batch if
     *                       {@code outputsAreRows} (feature-major), else batch × outputs; becomes the activations
     * @param bias           the bias (outputs elements, contiguous), or {@code null}
     * @param kept           receives p + b, same shape and order as {@code p}, contiguous
     * @param outputsAreRows whether p's rows are the outputs (each row takes one bias element) or the examples
     *                       (each row takes the whole bias)
     */
    static void biasReluKeep(INDArray p, INDArray bias, INDArray kept, boolean outputsAreRows) {
        FloatMemory zb = FloatMemory.of(p);
        FloatMemory kb = FloatMemory.of(kept);
        FloatMemory bb = bias == null ? null : FloatMemory.of(bias);
        int rows = Math.toIntExact(p.rows());
        int cols = Math.toIntExact(p.columns());
        int zOff = Math.toIntExact(p.offset() * Float.BYTES);
        int kOff = Math.toIntExact(kept.offset() * Float.BYTES);
        int bOff = bias == null ? 0 : Math.toIntExact(bias.offset() * Float.BYTES);
        FloatVector zero = FloatVector.zero(S);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            float rowBias = bb == null || !outputsAreRows ? 0f : bb.get(bOff + r * Float.BYTES);
            int row = r * cols * Float.BYTES;
            int c = 0;
            for (; c < bound; c += S.length()) {
                int at = row + c * Float.BYTES;
                FloatVector z = zb.load(S, zOff + at);
                if (bb != null) {
                    z = outputsAreRows ? z.add(rowBias)
                            : z.add(bb.load(S, bOff + c * Float.BYTES));
                }
                kb.store(z, kOff + at);
                zb.store(z.blend(zero, z.compare(VectorOperators.LT, 0f)), zOff + at);
            }
            for (; c < cols; c++) {
                int at = row + c * Float.BYTES;
                float z = zb.get(zOff + at);
                if (bb != null) {
                    z = z + (outputsAreRows ? rowBias : bb.get(bOff + c * Float.BYTES));
                }
                kb.put(kOff + at, z);
                zb.put(zOff + at, z < 0f ? 0f : z);
            }
        }
    }

    /**
     * DL4J's inverted dropout of a matrix in one pass: draws the uniform u of every element from libnd4j's
     * generator ({@link LibNd4jUniforms}) and writes {@code out = in ⊙ mask}, the mask being DL4J's (1/p where
     * u &lt; p, 0 elsewhere). Element (r, c) takes the draw's number r·cols + c, its row-major position, whatever
     * the arrays' ordering: the mask is the one DL4J's op draws for a row-major array, and a column-major one
     * needs no transposing copy. The same call on the gradient is dropout's backprop (∂L/∂x = ∂L/∂y ⊙ mask); on
     * ones it gives the mask. The caller moves the generator on ({@link LibNd4jUniforms#afterDraw}).
     *
     * @param in     rows × cols, float, contiguous, ordering 'c' or 'f'
     * @param out    receives in ⊙ mask; same shape and ordering, contiguous (may be {@code in})
     * @param draw   the generator's state before the draw
     * @param retain p, the probability of retaining a unit, in (0, 1]
     */
    static void dropout(INDArray in, INDArray out, LibNd4jUniforms draw, float retain) {
        FloatMemory ib = FloatMemory.of(in);
        FloatMemory ob = FloatMemory.of(out);
        int iOff = Math.toIntExact(in.offset() * Float.BYTES);
        int oOff = Math.toIntExact(out.offset() * Float.BYTES);
        int cols = Math.toIntExact(out.columns());
        boolean columnMajor = out.ordering() == 'f';
        int lines = Math.toIntExact(columnMajor ? out.columns() : out.rows());
        int length = Math.toIntExact(columnMajor ? out.rows() : out.columns());
        int lineStep = columnMajor ? 1 : cols;   // a line's first element: row-major index line·lineStep
        int elementStep = columnMajor ? cols : 1; // each further element of a line: + elementStep
        int root = (int) draw.root();
        int node = (int) draw.node();
        float scale = 1.0f / retain; // DL4J's kept value, computed in float
        FloatVector zero = FloatVector.zero(S);
        IntVector steps = IntVector.zero(I).addIndex(elementStep);
        int bound = I.loopBound(length);
        for (int line = 0; line < lines; line++) {
            int first = line * lineStep;
            int at = line * length * Float.BYTES;
            int e = 0;
            for (; e < bound; e += I.length(), at += I.length() * Float.BYTES) {
                IntVector i = steps.add(first + e * elementStep + 2);
                IntVector s0 = i.mul(node + 24243287).or(root);
                IntVector s1 = i.mul(s0.add(723829)).lanewise(VectorOperators.XOR, node);
                IntVector bits = s1.lanewise(VectorOperators.XOR, s0).mul(0x9E3779BB)
                        .lanewise(VectorOperators.ROL, 5).mul(5);
                FloatVector u = ((FloatVector) bits.lanewise(VectorOperators.LSHR, 9).or(0x3f800000)
                        .reinterpretAsFloats()).sub(1f);
                FloatVector m = zero.blend(scale, u.compare(VectorOperators.LT, retain));
                ob.store(ib.load(S, iOff + at).mul(m), oOff + at);
            }
            for (; e < length; e++, at += Float.BYTES) {
                float u = LibNd4jUniforms.toUniform(LibNd4jUniforms.bits(root, node, first + e * elementStep));
                float m = u < retain ? scale : 0f;
                ob.put(oOff + at, ib.get(iOff + at) * m);
            }
        }
    }

    /**
     * @param a    a contiguous float array
     * @param from first element (of the array, from its offset)
     * @param to   one past the last
     * @return Σ a[i]² over [from, to), summed in float within blocks of {@value #SUM_BLOCK} elements and in
     *         double across them
     */
    static double sumSquares(INDArray a, long from, long to) {
        return sum(a, from, to, true);
    }

    /** @return Σ |a[i]| over [from, to), summed as {@link #sumSquares} sums */
    static double sumAbs(INDArray a, long from, long to) {
        return sum(a, from, to, false);
    }

    private static final int SUM_BLOCK = 4096;

    private static double sum(INDArray a, long from, long to, boolean squares) {
        FloatMemory b = FloatMemory.of(a);
        int base = Math.toIntExact((a.offset() + from) * Float.BYTES);
        int n = Math.toIntExact(to - from);
        double total = 0;
        int i = 0;
        while (i < n) {
            int blockEnd = Math.min(n, i + SUM_BLOCK);
            FloatVector acc = FloatVector.zero(S);
            for (int bound = i + S.loopBound(blockEnd - i); i < bound; i += S.length()) {
                FloatVector v = b.load(S, base + i * Float.BYTES);
                acc = acc.add(squares ? v.mul(v) : v.abs());
            }
            total += acc.reduceLanes(VectorOperators.ADD);
            for (; i < blockEnd; i++) {
                float v = b.get(base + i * Float.BYTES);
                total += squares ? (double) v * v : Math.abs(v);
            }
        }
        return total;
    }

    /**
     * @param a an array
     * @return whether the kernels can read it: float, elements contiguous in its ordering, inside its buffer
     */
    static boolean contiguousFloat(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.elementWiseStride() == 1
                && (a.offset() + a.length()) * Float.BYTES <= a.data().asNio().capacity();
    }
}
