package dev.regbench.suites.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer behind {@link ReusingDenseLayer}: DL4J's dense layer with the same parameters, parameter layout,
 * activation, dropout and regularization, computing the same function with less work per training step.
 * <ul>
 *   <li><b>No recomputed forward product.</b> DL4J's {@code BaseLayer.backpropGradient} calls
 *       {@code preOutputWithPreNorm} again to get z = xW + b back — a second x·W per step. This class keeps
 *       a copy of the training-mode forward z (activations workspace, open until backprop has finished) and
 *       uses it, once, and only for the input array it was computed from.</li>
 *   <li><b>Every product with a row-major ('c') result</b>, through libnd4j's {@code matmul} op: with
 *       ND4J's oneDNN build (the default CPU backend of regbench) such products run on oneDNN's kernels
 *       with all OpenMP threads, at about twice the rate of the bundled OpenBLAS (docs/performance.md).
 *       DL4J writes the weight gradient and the input gradient column-major, which libnd4j hands to BLAS.
 *       Here: z<sup>T</sup> = W<sup>T</sup>·x<sup>T</sup> (then transposed into z: W's 4 KB row stride
 *       makes x·W itself slow in oneDNN), ∂x = δ·W<sup>T</sup> and ∂W<sup>T</sup> = δ<sup>T</sup>·x
 *       written straight into the (column-major) gradient view, and the bias gradient as 1<sup>T</sup>·δ
 *       instead of libnd4j's column sum (240 µs for 128×1024).</li>
 * </ul>
 * The results equal DL4J's up to float rounding (different summation order; tested against the stock
 * layer's gradients and training). Layer normalization, masks and weight noise fall through to DL4J's code.
 */
final class ReusingDenseLayerImpl extends DenseLayer {
    private static final MMulTranspose NN = MMulTranspose.allFalse();
    private static final MMulTranspose NT = MMulTranspose.builder().transposeB(true).build();
    private static final MMulTranspose TN = MMulTranspose.builder().transposeA(true).build();

    private INDArray keptZ;
    private INDArray keptFor;
    private INDArray ones;
    private long reuses;
    private boolean discardInputGradient;
    private long inputGradientsSkipped;

    ReusingDenseLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                            LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop && keptZ != null && keptFor == input) {
            INDArray z = keptZ;
            forget();
            reuses++;
            return new Pair<>(z, z);
        }
        forget();
        if (!plain() || input == null || input.rank() != 2
                || input.columns() != getParam(DefaultParamInitializer.WEIGHT_KEY).rows()) {
            // DL4J's code, including its input validation messages.
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        INDArray z = forward(training, workspaceMgr);
        if (training && !forBackprop) {
            // The caller applies the activation to z in place: keep the pre-activation values.
            keptZ = workspaceMgr.dup(ArrayType.ACTIVATIONS, z);
            keptFor = input;
        }
        return new Pair<>(z, z);
    }

    private INDArray forward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray x = input.castTo(dataType);
        INDArray zT = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, w.dataType(), w.size(1), x.size(0));
        Nd4j.exec(new Mmul(w.transpose(), x, zT, NT));
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), x.size(0), w.size(1));
        z.assign(zT.transpose());
        if (hasBias()) {
            z.addiRowVector(getParam(DefaultParamInitializer.BIAS_KEY));
        }
        return z;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!plain() || keptZ == null || keptFor != input) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray z = keptZ;
        forget();
        reuses++;
        INDArray delta = activationBackprop(z, epsilon);
        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            Nd4j.exec(new Mmul(ones(delta), delta, biasGrad.reshape(1, biasGrad.length()), NN));
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray epsilonNext = null;
        if (!discardInputGradient) {
            epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    delta.size(0), w.size(0));
            Nd4j.exec(new Mmul(delta, w.transpose(), epsilonNext, NN));
        } else {
            inputGradientsSkipped++;
        }
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.exec(new Mmul(delta, input.castTo(weightGrad.dataType()), weightGrad.transpose(), TN));
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        return new Pair<>(gradient, epsilonNext == null ? null : backpropDropOutIfPresent(epsilonNext));
    }

    /**
     * @return ∂L/∂z: for a plain ReLU one vectorized pass written into z (which backprop consumes), otherwise
     *         the activation's own backprop
     */
    private INDArray activationBackprop(INDArray z, INDArray epsilon) {
        if (layerConf().getActivationFn() instanceof ActivationReLU relu && relu.getMax() == null
                && relu.getThreshold() == null && relu.getNegativeSlope() == null && VectorApi.available()
                && z.ordering() == epsilon.ordering() && z.equalShapes(epsilon)
                && VectorKernels.contiguousFloat(z) && VectorKernels.contiguousFloat(epsilon)) {
            VectorKernels.reluBackprop(z, epsilon);
            return z;
        }
        return layerConf().getActivationFn().backprop(z, epsilon).getFirst();
    }

    /**
     * @param discard whether the next {@link #backpropGradient} may skip ∂L/∂x (and return {@code null} for
     *                it): set by {@link TunedNetwork} around a backward pass that discards the input gradient
     */
    void discardInputGradient(boolean discard) {
        discardInputGradient = discard;
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

    /** @return whether this layer has none of the features handled only by DL4J's code */
    private boolean plain() {
        return !hasLayerNorm() && maskArray == null && layerConf().getWeightNoise() == null;
    }

    @Override
    public void clear() {
        forget();
        super.clear();
    }

    /** @return how many backward passes skipped the input gradient (for tests) */
    long inputGradientsSkipped() {
        return inputGradientsSkipped;
    }

    /** @return how many times backprop reused a forward z (for tests) */
    long reuses() {
        return reuses;
    }

    private void forget() {
        keptZ = null;
        keptFor = null;
    }
}
