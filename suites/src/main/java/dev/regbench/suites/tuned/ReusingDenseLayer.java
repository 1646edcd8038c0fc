package dev.regbench.suites.tuned;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a DL4J {@link DenseLayer} whose training-time backprop reuses the forward pass's
 * pre-activation z = xW + b instead of recomputing it (DL4J 1.0.0-M2.1's {@code BaseLayer.backpropGradient}
 * multiplies x by W a second time). Every configuration field — sizes, activation, initialization, updater,
 * regularization, dropout — is DL4J's and means what it means there; the layer's parameters, their layout
 * and initialization are unchanged, and it computes the same function (equal to {@link DenseLayer}'s up to
 * float rounding: products are summed in another order; tested). Saves one of the four matrix products per
 * dense layer and step (a quarter of an MLP's GEMM work) and runs the other three on oneDNN
 * ({@link ReusingDenseLayerImpl}).
 */
public final class ReusingDenseLayer extends DenseLayer {
    /** For JSON deserialization; use {@link #of(DenseLayer)}. */
    public ReusingDenseLayer() {
    }

    /**
     * @param stock a dense layer built with DL4J's builder
     * @return the same configuration, with the reusing implementation
     */
    public static ReusingDenseLayer of(DenseLayer stock) {
        return TunedLayerConfig.copy(stock, DenseLayer.class, new ReusingDenseLayer());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        // As DenseLayer.instantiate, with the reusing implementation.
        return TunedLayerConfig.instantiate(this, "DenseLayer", new ReusingDenseLayerImpl(conf, networkDataType),
                conf, listeners, layerIndex, layerParamsView, initializeParams);
    }

    @Override
    public ReusingDenseLayer clone() {
        return (ReusingDenseLayer) super.clone();
    }
}
