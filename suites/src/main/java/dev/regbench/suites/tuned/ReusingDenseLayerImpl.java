package dev.regbench.suites.tuned;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer behind {@link ReusingDenseLayer}: DL4J's dense layer with the same parameters, parameter layout,
 * activation, dropout and regularization, computing the same function with less work per training step.
 * <ul>
 *   <li><b>No recomputed forward product.</b> DL4J's {@code BaseLayer.backpropGradient} calls
 *       {@code preOutputWithPreNorm} again to get z = xW + b back — a second x·W per step. This class keeps
 *       a copy of the training-mode forward z (activations workspace, open until backprop has finished) and
 *       uses it, once, and only for the input array it was computed from.</li>
 *   <li><b>Every product on oneDNN</b> ({@link DenseProducts}), where DL4J's column-major results go to
 *       OpenBLAS on one thread, in the layout that suits this machine's oneDNN kernels
 *       ({@link ActivationLayout}: on AVX-512, z, the activations and ∂L/∂x are column-major views of
 *       row-major features × batch products), with no transposing copy.</li>
 *   <li><b>ReLU's forward (bias, kept z, activation) and backprop each in one vectorized pass</b>
 *       ({@link VectorKernels#biasReluKeep}, {@link VectorKernels#reluBackprop}), and no input
 *       gradient where {@link TunedNetwork} says it is discarded.</li>
 * </ul>
 * The results equal DL4J's up to float rounding (different summation order; tested against the stock
 * layer's gradients and training). Layer normalization, masks and weight noise fall through to DL4J's code.
 */
final class ReusingDenseLayerImpl extends DenseLayer {
    private final DenseProducts products = new DenseProducts();
    private final KeptPreOutput kept = new KeptPreOutput();
    private boolean discardInputGradient;
    private long inputGradientsSkipped;
    private long fusedForwards;

    ReusingDenseLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                            LayerWorkspaceMgr workspaceMgr) {
        INDArray reused = forBackprop ? kept.take(input) : null;
        if (reused != null) {
            return new Pair<>(reused, reused);
        }
        kept.forget();
        if (!plainMatrixInput()) {
            // DL4J's code, including its input validation messages.
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        INDArray z = forward(training, workspaceMgr);
        if (training && !forBackprop) {
            // The caller applies the activation to z in place: keep the pre-activation values.
            kept.keep(workspaceMgr.dup(ArrayType.ACTIVATIONS, z, z.ordering()), input);
        }
        return new Pair<>(z, z);
    }

    /**
     * Training-mode forward pass. For a plain ReLU layer the bias add, the kept copy of z and the ReLU are one
     * vectorized pass ({@link VectorKernels#biasReluKeep}) instead of DL4J's three; anything else is DL4J's
     * {@code activate} (through {@link #preOutputWithPreNorm}).
     */
    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!training || !plainMatrixInput() || !plainRelu() || dataType != DataType.FLOAT) {
            return super.activate(training, workspaceMgr);
        }
        kept.forget();
        applyDropOutIfNecessary(true, workspaceMgr);
        INDArray p = products.product(input.castTo(dataType), getParam(DefaultParamInitializer.WEIGHT_KEY),
                workspaceMgr, ArrayType.ACTIVATIONS);
        INDArray keptP = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, p.dataType(), p.shape(), 'c');
        VectorKernels.biasReluKeep(p, hasBias() ? getParam(DefaultParamInitializer.BIAS_KEY) : null, keptP,
                products.outputsAreRows());
        kept.keep(products.batchByOutputs(keptP), input);
        fusedForwards++;
        return products.batchByOutputs(p);
    }

    private INDArray forward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        applyDropOutIfNecessary(training, workspaceMgr);
        return products.forward(input.castTo(dataType), getParam(DefaultParamInitializer.WEIGHT_KEY),
                hasBias() ? getParam(DefaultParamInitializer.BIAS_KEY) : null, workspaceMgr, false);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!plain() || !kept.holdsFor(input)) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray delta = activationBackprop(kept.take(input), epsilon);
        Gradient gradient = products.parameterGradients(delta, input, gradientViews);
        INDArray epsilonNext = null;
        if (!discardInputGradient) {
            epsilonNext = products.inputGradient(delta, getParam(DefaultParamInitializer.WEIGHT_KEY), workspaceMgr);
        } else {
            inputGradientsSkipped++;
        }
        return new Pair<>(gradient, epsilonNext == null ? null : backpropDropOutIfPresent(epsilonNext));
    }

    /**
     * @return ∂L/∂z: for a plain ReLU one vectorized pass written into z (which backprop consumes), otherwise
     *         the activation's own backprop
     */
    private INDArray activationBackprop(INDArray z, INDArray epsilon) {
        if (plainRelu() && z.ordering() == epsilon.ordering() && z.equalShapes(epsilon)
                && VectorKernels.contiguousFloat(z) && VectorKernels.contiguousFloat(epsilon)) {
            VectorKernels.reluBackprop(z, epsilon);
            return z;
        }
        return layerConf().getActivationFn().backprop(z, epsilon).getFirst();
    }

    /** @return whether the activation is DL4J's plain ReLU (no maximum, threshold or leak) and the kernels can run */
    private boolean plainRelu() {
        return layerConf().getActivationFn() instanceof ActivationReLU relu && relu.getMax() == null
                && relu.getThreshold() == null && relu.getNegativeSlope() == null && VectorApi.available();
    }

    /**
     * @param discard whether the next {@link #backpropGradient} may skip ∂L/∂x (and return {@code null} for
     *                it): set by {@link TunedNetwork} around a backward pass that discards the input gradient
     */
    void discardInputGradient(boolean discard) {
        discardInputGradient = discard;
    }

    /** @return whether this layer has none of the features handled only by DL4J's code */
    private boolean plain() {
        return !hasLayerNorm() && maskArray == null && layerConf().getWeightNoise() == null;
    }

    /** @return {@link #plain()}, and the input is a matrix with one column per weight row */
    private boolean plainMatrixInput() {
        return plain() && input != null && input.rank() == 2
                && input.columns() == getParam(DefaultParamInitializer.WEIGHT_KEY).rows();
    }

    @Override
    public void clear() {
        kept.forget();
        super.clear();
    }

    /** @return how many backward passes skipped the input gradient (for tests) */
    long inputGradientsSkipped() {
        return inputGradientsSkipped;
    }

    /** @return how many training forward passes took the fused bias + ReLU pass (for tests) */
    long fusedForwards() {
        return fusedForwards;
    }

    /** @return how this layer lays out what it hands on (for tests) */
    ActivationLayout layout() {
        return products.layout();
    }

    /** @return how many times backprop reused a forward z (for tests) */
    long reuses() {
        return kept.reuses();
    }
}
