package dev.regbench.suites.tuned;

import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.OutputKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A dense network small enough that ND4J's cost per operation, not arithmetic, decides its speed — the
 * polynomial task's 1-64-64-1 tanh network (4,353 parameters, 30 examples) spends 2 ms per step in some 40 ND4J
 * operations whose arithmetic takes 0.1 ms — described as what {@link JavaStep} computes in Java instead: the
 * layers' sizes, activations and dropout, where their parameters sit in DL4J's flattened vector, their penalties
 * and the updater. Only networks {@link #eligible} describes take this path: at most {@value #MAX_PARAMETERS}
 * parameters, hidden layers with tanh, ReLU, leaky ReLU or sigmoid, an identity output with mean squared error,
 * SGD, Nesterov momentum or Adam, L1, L2 and weight-decay penalties, DL4J's inverted dropout; constraints
 * (max-norm) stay DL4J's and run after the step.
 *
 * @param layers    the weight layers, input side first
 * @param updater   the updater every parameter shares
 * @param miniBatch whether DL4J divides the summed gradient by the batch size (its {@code miniBatch} flag)
 * @param size      the number of parameters
 */
record SmallDense(List<DenseLayerPlan> layers, IUpdater updater, boolean miniBatch, int size) {
    /** The largest network that trains in Java: ND4J's products overtake Java's well above it. */
    static final int MAX_PARAMETERS = 16_384;
    /** The activation layout name recorded for runs this path trains. */
    static final String LAYOUT = "java-step";

    /** A hidden or output activation, computed on the layer's outputs y = f(z). */
    enum Activation {
        TANH, RELU, LEAKY_RELU, SIGMOID, IDENTITY
    }

    /**
     * One weight layer.
     *
     * @param nIn        inputs
     * @param nOut       units
     * @param w          offset of W [nIn, nOut] (column-major) in the flattened parameters
     * @param b          offset of b [nOut]
     * @param activation its activation
     * @param alpha      the leaky ReLU's slope below 0 (else 0)
     * @param dropout    DL4J's inverted dropout of the layer's input, or null
     * @param wPenalties penalties on W, in DL4J's order of application
     * @param bPenalties penalties on b
     */
    record DenseLayerPlan(int nIn, int nOut, int w, int b, Activation activation, float alpha, Dropout dropout,
                          List<Regularization> wPenalties, List<Regularization> bPenalties) {
    }

    /**
     * @param spec a network
     * @return why it trains with the tuned layers rather than in Java, or empty if {@link JavaStep} trains it
     */
    static Optional<String> eligible(NetworkSpec spec) {
        long parameters = spec.parametersPerLayer().stream().mapToLong(Long::longValue).sum();
        if (parameters > MAX_PARAMETERS) {
            return Optional.of(parameters + " parameters (Java trains at most " + MAX_PARAMETERS + ")");
        }
        if (spec.output() != OutputKind.IDENTITY_MSE) {
            return Optional.of("a " + spec.output().id() + " output");
        }
        OptimizerSpec.Type type = spec.optimizer().type();
        if (type != OptimizerSpec.Type.SGD && type != OptimizerSpec.Type.NESTEROV && type != OptimizerSpec.Type.ADAM) {
            return Optional.of("the " + type.id() + " updater");
        }
        return Optional.empty();
    }

    /**
     * @param net an initialized network
     * @return its plan, or empty if anything about it is outside what {@link JavaStep} computes
     */
    static Optional<SmallDense> of(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        INDArray params = net.params();
        if (params == null || params.dataType() != DataType.FLOAT || params.length() > MAX_PARAMETERS
                || !VectorKernels.contiguousFloat(params) || net.getnLayers() < 1) {
            return Optional.empty();
        }
        List<DenseLayerPlan> layers = new ArrayList<>();
        IUpdater updater = null;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            boolean last = i == net.getnLayers() - 1;
            if (conf.getInputPreProcess(i) != null || !(layer.conf().getLayer() instanceof BaseLayer c)
                    || (last ? !(c instanceof OutputLayer) : !(c instanceof DenseLayer))) {
                return Optional.empty();
            }
            if (c.getGradientNormalization() != null && c.getGradientNormalization() != GradientNormalization.None
                    || !layer.updaterDivideByMinibatch("W") || !layer.updaterDivideByMinibatch("b")) {
                return Optional.empty();
            }
            IUpdater u = c.getUpdaterByParam("W");
            if (!u.equals(c.getUpdaterByParam("b")) || updater != null && !updater.equals(u) || !supported(u)) {
                return Optional.empty();
            }
            updater = u;
            Optional<Activation> activation = activation(c.getActivationFn(), last);
            if (activation.isEmpty() || last && !(c instanceof OutputLayer o && o.getLossFn() instanceof LossMSE mse
                    && mse.getWeights() == null)) {
                return Optional.empty();
            }
            IDropout dropout = c.getIDropout();
            if (dropout != null && dropout.getClass() != Dropout.class && dropout.getClass() != UniformMaskDropout.class) {
                return Optional.empty();
            }
            INDArray w = layer.getParam("W");
            INDArray b = layer.getParam("b");
            if (w == null || b == null || w.ordering() != 'f' || w.rank() != 2 || b.length() != w.size(1)
                    || layer.numParams() != w.length() + b.length()) {
                return Optional.empty();
            }
            List<Regularization> wPenalties = penalties(c.getRegularization());
            List<Regularization> bPenalties = penalties(c.getRegularizationBias());
            if (wPenalties == null || bPenalties == null) {
                return Optional.empty();
            }
            layers.add(new DenseLayerPlan((int) w.size(0), (int) w.size(1), (int) (w.offset() - params.offset()),
                    (int) (b.offset() - params.offset()), activation.get(),
                    c.getActivationFn() instanceof ActivationLReLU l ? (float) l.getAlpha() : 0f, (Dropout) dropout,
                    wPenalties, bPenalties));
        }
        return Optional.of(new SmallDense(List.copyOf(layers), updater, net.conf().isMiniBatch(), (int) params.length()));
    }

    private static boolean supported(IUpdater u) {
        return u.getClass() == Sgd.class || u.getClass() == Nesterovs.class || u.getClass() == Adam.class;
    }

    private static Optional<Activation> activation(IActivation f, boolean output) {
        if (output) {
            return f instanceof ActivationIdentity ? Optional.of(Activation.IDENTITY) : Optional.empty();
        }
        if (f instanceof ActivationTanH) {
            return Optional.of(Activation.TANH);
        }
        if (f instanceof ActivationSigmoid) {
            return Optional.of(Activation.SIGMOID);
        }
        if (f instanceof ActivationLReLU) {
            return Optional.of(Activation.LEAKY_RELU);
        }
        if (f instanceof ActivationReLU r && r.getMax() == null && isZero(r.getThreshold()) && isZero(r.getNegativeSlope())) {
            return Optional.of(Activation.RELU);
        }
        return Optional.empty();
    }

    private static boolean isZero(Double d) {
        return d == null || d == 0.0;
    }

    /** @return the penalties, or null if one is not regbench's L1, L2 or weight decay (scored by {@link NormPenalty}) */
    private static List<Regularization> penalties(List<Regularization> list) {
        if (list == null) {
            return List.of();
        }
        for (Regularization r : list) {
            if (!(r instanceof NormPenalty) || !(r instanceof L1Regularization || r instanceof L2Regularization
                    || r instanceof WeightDecay)) {
                return null;
            }
        }
        return List.copyOf(list);
    }

    /** @return the widest layer's units (the largest activation row) */
    int widest() {
        int widest = layers.get(0).nIn();
        for (DenseLayerPlan l : layers) {
            widest = Math.max(widest, l.nOut());
        }
        return widest;
    }
}
