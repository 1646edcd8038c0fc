package dev.regbench.suites.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds every network of regbench: one base {@link NetworkSpec} plus one {@link Regularizer}. The regularizer
 * enters only through its four numbers (L1 λ, L2 λ, input retain, hidden retain); everything else — layer
 * sizes, activation, initialization, updater, seed, data type, workspaces — comes from the spec, so two
 * variants differ in their regularization fields and nowhere else (tested).
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /**
     * @param spec           the base network
     * @param regularizer    the variant
     * @param penalizeBiases whether L1/L2 also apply to biases (DL4J's default, and regbench's: no)
     * @param seed           initialization seed: the same seed gives bit-identical initial parameters for
     *                       every regularizer
     * @return the configuration
     */
    public static MultiLayerConfiguration configuration(NetworkSpec spec, Regularizer regularizer,
                                                        boolean penalizeBiases, long seed) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(spec.optimizer().toUpdater())
                .weightInit(spec.weightInit().dl4j())
                .activation(spec.activation().dl4j())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (regularizer.l1() > 0) {
            base.l1(regularizer.l1());
            if (penalizeBiases) {
                base.l1Bias(regularizer.l1());
            }
        }
        if (regularizer.l2() > 0) {
            base.l2(regularizer.l2());
            if (penalizeBiases) {
                base.l2Bias(regularizer.l2());
            }
        }
        NeuralNetConfiguration.ListBuilder layers = base.list();
        List<Integer> sizes = spec.layerSizes();
        int last = sizes.size() - 1;
        for (int i = 1; i <= last; i++) {
            // DL4J's dropOut(p) acts on the layer's INPUT and p is the probability of RETAINING a unit.
            double retain = i == 1 ? regularizer.inputRetain() : regularizer.hiddenRetain();
            if (i < last) {
                DenseLayer.Builder dense = new DenseLayer.Builder().nIn(sizes.get(i - 1)).nOut(sizes.get(i));
                if (retain < 1) {
                    dense.dropOut(retain);
                }
                layers.layer(dense.build());
            } else {
                OutputLayer.Builder out = new OutputLayer.Builder(spec.output().loss())
                        .nIn(sizes.get(i - 1)).nOut(sizes.get(i)).activation(spec.output().activation());
                if (retain < 1) {
                    out.dropOut(retain);
                }
                layers.layer(out.build());
            }
        }
        return layers.build();
    }

    /**
     * @return an initialized network
     * @see #configuration(NetworkSpec, Regularizer, boolean, long)
     */
    public static MultiLayerNetwork build(NetworkSpec spec, Regularizer regularizer, boolean penalizeBiases,
                                          long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, regularizer, penalizeBiases, seed));
        net.init();
        return net;
    }

    /**
     * @param net a network
     * @return SHA-256 (hex) of its parameters as little-endian float32, in {@code net.params()} order
     */
    public static String parametersSha256(MultiLayerNetwork net) {
        float[] params = net.params().castTo(DataType.FLOAT).ravel().toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(params.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(params);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
