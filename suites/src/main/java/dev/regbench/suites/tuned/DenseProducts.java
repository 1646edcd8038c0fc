package dev.regbench.suites.tuned;

import java.util.Map;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;

/**
 * The matrix products of a fully connected layer (z = xW + b and its gradients) as the tuned layers compute
 * them: every product through libnd4j's {@code matmul} op with a row-major ('c') result, which ND4J's oneDNN
 * build runs on oneDNN with all OpenMP threads (DL4J's own layers write column-major results, which go to
 * the bundled OpenBLAS on one thread). One instance per layer: it keeps the layer's row of ones.
 * <p>
 * <b>Layouts.</b> What a layer hands on (z, the activations, ∂L/∂x) is laid out as {@link ActivationLayout}
 * says for this machine:
 * <ul>
 *   <li>feature-major (AVX-512 kernels): z is computed as z<sup>T</sup> = W<sup>T</sup>·x<sup>T</sup> (a
 *       row-major outputs × batch array) and handed to DL4J as its transposed view, a column-major batch ×
 *       outputs array, with no copy; the next layer then reads x<sup>T</sup> contiguously, and ∂x is produced
 *       the same way (∂x<sup>T</sup> = W·δ<sup>T</sup>), so that z and ∂L/∂a of a layer share one layout.
 *       Measured on the MNIST MLP's shapes (2 OpenMP threads, median of 25 × 20 products, AMD EPYC family 25
 *       model 17): the second layer's forward product takes 1,241 µs instead of 1,570 (216 against 171
 *       GFLOP/s: with a batch-major input oneDNN reads x with a 4 KB stride), and each hidden layer saves the
 *       transposing copy into a row-major z (127 µs). The output layer's row-major z (for the loss) is copied
 *       from z<sup>T</sup>.</li>
 *   <li>batch-major (AVX2 kernels): z = x·W and ∂x = δ·W<sup>T</sup>, row-major batch × features arrays.</li>
 * </ul>
 * In both, ∂W<sup>T</sup> = δ<sup>T</sup>·x is written straight into the transposed view of DL4J's
 * column-major gradient, and ∂b = 1<sup>T</sup>·δ (a GEMV instead of libnd4j's column sum: 240 µs for
 * 128×1024). Sums run in another order than DL4J's, so results agree with DL4J's up to float rounding (tested).
 */
final class DenseProducts {
    private static final MMulTranspose NN = MMulTranspose.allFalse();
    private static final MMulTranspose NT = MMulTranspose.builder().transposeB(true).build();
    private static final MMulTranspose TN = MMulTranspose.builder().transposeA(true).build();

    private final ActivationLayout layout;
    private INDArray ones;

    /** Products in the layout for this machine ({@link ActivationLayout#forThisMachine()}). */
    DenseProducts() {
        this(ActivationLayout.forThisMachine());
    }

    /** @param layout how the layer lays out what it hands on */
    DenseProducts(ActivationLayout layout) {
        this.layout = layout;
    }

    /**
     * @param x  the input, batch × in, in either order
     * @param w  the weights, in × out (DL4J's column-major view)
     * @param b  the bias (1 × out), or {@code null}
     * @param ws the layer's workspaces
     * @param rowMajor whether the caller needs z row-major (the output layer, for the loss)
     * @return z = xW + b, batch × out, in the activations workspace: in this layout, or row-major if
     *         {@code rowMajor}
     */
    INDArray forward(INDArray x, INDArray w, INDArray b, LayerWorkspaceMgr ws, boolean rowMajor) {
        boolean copied = rowMajor && layout == ActivationLayout.FEATURE_MAJOR;
        INDArray p = product(x, w, ws, copied ? ArrayType.FF_WORKING_MEM : ArrayType.ACTIVATIONS);
        if (b != null) {
            if (layout == ActivationLayout.FEATURE_MAJOR) {
                p.addiColumnVector(b.reshape(b.length(), 1));
            } else {
                p.addiRowVector(b.reshape(1, b.length()));
            }
        }
        if (!copied) {
            return batchByOutputs(p);
        }
        INDArray z = ws.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), x.size(0), w.size(1));
        return z.assign(p.transpose());
    }

    /**
     * @param x    the input, batch × in, in either order
     * @param w    the weights, in × out
     * @param ws   the layer's workspaces
     * @param type the workspace of the result
     * @return xW without the bias, row-major, in this layout's orientation: feature-major (W<sup>T</sup>·x<sup>T</sup>,
     *         out × batch) or batch-major (x·W, batch × out); {@link #batchByOutputs} gives its batch × out view
     */
    INDArray product(INDArray x, INDArray w, LayerWorkspaceMgr ws, ArrayType type) {
        if (layout == ActivationLayout.FEATURE_MAJOR) {
            INDArray zT = ws.createUninitialized(type, w.dataType(), w.size(1), x.size(0));
            Nd4j.exec(new Mmul(w.transpose(), x, zT, NT));
            return zT;
        }
        INDArray z = ws.createUninitialized(type, w.dataType(), x.size(0), w.size(1));
        Nd4j.exec(new Mmul(x, w, z, NN));
        return z;
    }

    /**
     * @param p an array in {@link #product}'s orientation
     * @return its batch × out view (no copy)
     */
    INDArray batchByOutputs(INDArray p) {
        return layout == ActivationLayout.FEATURE_MAJOR ? p.transpose() : p;
    }

    /** @return whether {@link #product}'s rows are the layer's outputs (feature-major) rather than examples */
    boolean outputsAreRows() {
        return layout == ActivationLayout.FEATURE_MAJOR;
    }

    /**
     * Writes ∂W and ∂b of one batch (summed over its rows, as DL4J's gradients are) into DL4J's gradient views.
     *
     * @param delta ∂L/∂z, batch × out
     * @param x     the input the forward pass saw, batch × in
     * @param views the layer's gradient views ({@code W}: in × out; {@code b}: out elements, if present)
     * @return the gradient, as DL4J's layers return it
     */
    Gradient parameterGradients(INDArray delta, INDArray x, Map<String, INDArray> views) {
        Gradient gradient = new DefaultGradient();
        INDArray weightGrad = views.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray biasGrad = views.get(DefaultParamInitializer.BIAS_KEY);
        if (biasGrad != null) {
            Nd4j.exec(new Mmul(ones(delta), delta, biasGrad.reshape(1, biasGrad.length()), NN));
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        Nd4j.exec(new Mmul(delta, x.castTo(weightGrad.dataType()), weightGrad.transpose(), TN));
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        return gradient;
    }

    /**
     * @param delta ∂L/∂z, batch × out
     * @param w     the weights, in × out
     * @param ws    the layer's workspaces
     * @return ∂L/∂x = δ·W<sup>T</sup>, batch × in, in this layout (feature-major: the column-major view of a
     *         row-major ∂x<sup>T</sup> = W·δ<sup>T</sup>), in the activation-gradient workspace
     */
    INDArray inputGradient(INDArray delta, INDArray w, LayerWorkspaceMgr ws) {
        if (layout == ActivationLayout.FEATURE_MAJOR) {
            INDArray epsilonT = ws.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(), w.size(0), delta.size(0));
            Nd4j.exec(new Mmul(w, delta, epsilonT, NT));
            return epsilonT.transpose();
        }
        INDArray epsilon = ws.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(), delta.size(0), w.size(0));
        Nd4j.exec(new Mmul(delta, w, epsilon, NT));
        return epsilon;
    }

    /** @return how this layer lays out what it hands on */
    ActivationLayout layout() {
        return layout;
    }

    /** @return a 1×batch row of ones (kept outside workspaces, rebuilt when the batch size changes) */
    private INDArray ones(INDArray delta) {
        if (ones == null || ones.length() != delta.size(0) || ones.dataType() != delta.dataType()) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                ones = Nd4j.ones(delta.dataType(), 1, delta.size(0));
            }
        }
        return ones;
    }
}
