package dev.regbench.suites.tuned;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer behind {@link ReusingOutputLayer}: DL4J's output layer (same loss, activation, dropout,
 * regularization and parameters) with its products on oneDNN ({@link DenseProducts}) and its forward product
 * computed once per training step. DL4J's {@code computeGradientAndScore} asks the output layer for
 * z = xW + b twice: in {@code backpropGradient} and again in {@code computeScore}; here backprop keeps a
 * (detached, batch × outputs) copy of z, which the score right after uses once, and only for the same input
 * array, in training mode. Masks, layer noise and inputs other than a plain 2-D matrix fall through to
 * DL4J's code.
 */
final class ReusingOutputLayerImpl extends OutputLayer {
    private final DenseProducts products = new DenseProducts();
    private final KeptPreOutput kept = new KeptPreOutput();

    ReusingOutputLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                            LayerWorkspaceMgr workspaceMgr) {
        INDArray reused = training ? kept.take(input) : null;
        if (reused != null) {
            INDArray z = workspaceMgr.dup(ArrayType.FF_WORKING_MEM, reused);
            return new Pair<>(z, z);
        }
        kept.forget();
        if (!plain()) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray z = products.forward(input.castTo(dataType), getParam(DefaultParamInitializer.WEIGHT_KEY),
                hasBias() ? getParam(DefaultParamInitializer.BIAS_KEY) : null, workspaceMgr, true);
        return new Pair<>(z, z);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!plain()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray z = preOutput2d(true, workspaceMgr);
        INDArray forScore = z.detach();
        INDArray labels2d = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray delta = layerConf().getLossFn().computeGradient(labels2d, z, layerConf().getActivationFn(), maskArray);
        Gradient gradient = products.parameterGradients(delta, input, gradientViews);
        INDArray epsilonNext = products.inputGradient(delta, getParam(DefaultParamInitializer.WEIGHT_KEY), workspaceMgr);
        kept.keep(forScore, input);
        return new Pair<>(gradient, backpropDropOutIfPresent(epsilonNext));
    }

    /** @return whether this layer has none of the features handled only by DL4J's code */
    private boolean plain() {
        return maskArray == null && layerConf().getWeightNoise() == null && input != null && input.rank() == 2
                && input.columns() == getParam(DefaultParamInitializer.WEIGHT_KEY).rows();
    }

    @Override
    public void clear() {
        kept.forget();
        super.clear();
    }

    /** @return how many times the score reused backprop's z (for tests) */
    long reuses() {
        return kept.reuses();
    }
}
