package dev.regbench.suites.tuned;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a DL4J {@link OutputLayer} trained by {@link ReusingOutputLayerImpl}: every configuration
 * field (sizes, loss, activation, initialization, updater, regularization, dropout) is DL4J's and means what it
 * means there; parameters, layout and the function computed are unchanged (equal to {@link OutputLayer}'s up
 * to float rounding; tested). Per training step DL4J computes the output layer's product x·W twice (once for
 * backprop, once for the score) on OpenBLAS with one thread; this layer computes it once, on oneDNN.
 */
public final class ReusingOutputLayer extends OutputLayer {
    /** For JSON deserialization; use {@link #of(OutputLayer)}. */
    public ReusingOutputLayer() {
    }

    /**
     * @param stock an output layer built with DL4J's builder
     * @return the same configuration, with the reusing implementation
     */
    public static ReusingOutputLayer of(OutputLayer stock) {
        return TunedLayerConfig.copy(stock, OutputLayer.class, new ReusingOutputLayer());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        // As OutputLayer.instantiate, with the reusing implementation.
        return TunedLayerConfig.instantiate(this, "OutputLayer", new ReusingOutputLayerImpl(conf, networkDataType),
                conf, listeners, layerIndex, layerParamsView, initializeParams);
    }

    @Override
    public ReusingOutputLayer clone() {
        return (ReusingOutputLayer) super.clone();
    }
}
