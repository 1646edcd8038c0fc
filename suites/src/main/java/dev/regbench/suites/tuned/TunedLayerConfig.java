package dev.regbench.suites.tuned;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What regbench's tuned layer configurations ({@link ReusingDenseLayer}, {@link ReusingOutputLayer}) share: they
 * copy DL4J's configuration field by field, and instantiate their layer exactly as DL4J's {@code instantiate}
 * does, with the tuned implementation class.
 */
final class TunedLayerConfig {
    private TunedLayerConfig() {
    }

    /**
     * Wires a freshly constructed layer as DL4J's {@code FeedForwardLayer.instantiate} methods do.
     *
     * @param config          the layer's configuration (nIn and nOut set)
     * @param name            DL4J's name of the layer type, for its validation message
     * @param layer           the new layer implementation
     * @param conf            the network configuration of the layer
     * @param listeners       training listeners
     * @param layerIndex      index of the layer in the network
     * @param paramsView      the layer's view of the network's flattened parameters
     * @param initializeParams whether to initialize the parameters
     * @return {@code layer}, ready
     */
    static Layer instantiate(FeedForwardLayer config, String name, Layer layer, NeuralNetConfiguration conf,
                             Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView,
                             boolean initializeParams) {
        LayerValidation.assertNInNOutSet(name, config.getLayerName(), layerIndex, config.getNIn(), config.getNOut());
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> params = config.initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    /**
     * Copies every instance field of {@code type} and its superclasses, so that no setting can be forgotten
     * (tests compare the two configurations' JSON).
     *
     * @param stock the configuration built with DL4J's builder
     * @param type  the class whose fields (and its superclasses') are copied
     * @param copy  a fresh instance of the subclass
     * @param <T>   the subclass
     * @return {@code copy}, now with {@code stock}'s settings
     */
    static <T> T copy(Object stock, Class<?> type, T copy) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                try {
                    f.set(copy, f.get(stock));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + type.getSimpleName() + "." + f.getName(), e);
                }
            }
        }
        return copy;
    }
}
