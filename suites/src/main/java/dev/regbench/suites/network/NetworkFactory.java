package dev.regbench.suites.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Builds every network of regbench: one base {@link NetworkSpec} plus one {@link Regularizer}. The regularizer
 * enters only through its four numbers (L1 λ, L2 λ, input retain, hidden retain); everything else — layer
 * sizes, activation, initialization, updater, seed, data type, workspaces — comes from the spec, so two
 * variants differ in their regularization fields and nowhere else (tested). The {@link Implementation} picks
 * DL4J's stock dense layer and penalties or regbench's tuned ones; both train to the same parameters up to
 * float rounding (tested).
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /**
     * @return the configuration, with the {@linkplain Implementation#TUNED tuned} implementation
     * @see #configuration(NetworkSpec, Regularizer, boolean, long, Implementation)
     */
    public static MultiLayerConfiguration configuration(NetworkSpec spec, Regularizer regularizer,
                                                        boolean penalizeBiases, long seed) {
        return configuration(spec, regularizer, penalizeBiases, seed, Implementation.TUNED);
    }

    /**
     * @param spec           the base network
     * @param regularizer    the variant
     * @param penalizeBiases whether L1/L2 also apply to biases (DL4J's default, and regbench's: no)
     * @param seed           initialization seed: the same seed gives bit-identical initial parameters for
     *                       every regularizer
     * @param implementation DL4J's stock layers and penalties, or regbench's tuned ones (same results)
     * @return the configuration
     */
    public static MultiLayerConfiguration configuration(NetworkSpec spec, Regularizer regularizer,
                                                        boolean penalizeBiases, long seed,
                                                        Implementation implementation) {
        boolean tuned = implementation == Implementation.TUNED;
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(spec.optimizer().toUpdater())
                .weightInit(spec.weightInit().dl4j())
                .activation(spec.activation().dl4j())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        // l1(λ)/l2(λ) install DL4J's L1Regularization/L2Regularization; the tuned penalties subclass them.
        List<Regularization> penalties = new ArrayList<>();
        if (regularizer.l1() > 0) {
            penalties.add(tuned ? new L1Penalty(regularizer.l1()) : new L1Regularization(regularizer.l1()));
        }
        if (regularizer.l2() > 0) {
            penalties.add(tuned ? new L2Penalty(regularizer.l2()) : new L2Regularization(regularizer.l2()));
        }
        if (!penalties.isEmpty()) {
            base.regularization(penalties);
            if (penalizeBiases) {
                base.regularizationBias(penalties.stream().map(Regularization::clone).toList());
            }
        }
        NeuralNetConfiguration.ListBuilder layers = base.list();
        List<Integer> sizes = spec.layerSizes();
        int last = sizes.size() - 1;
        for (int i = 1; i <= last; i++) {
            // DL4J's dropOut(p) acts on the layer's INPUT and p is the probability of RETAINING a unit.
            double retain = i == 1 ? regularizer.inputRetain() : regularizer.hiddenRetain();
            IDropout dropout = retain >= 1 ? null : tuned ? new UniformMaskDropout(retain) : new Dropout(retain);
            if (i < last) {
                DenseLayer dense = new DenseLayer.Builder().nIn(sizes.get(i - 1)).nOut(sizes.get(i))
                        .dropOut(dropout).build();
                layers.layer(tuned ? ReusingDenseLayer.of(dense) : dense);
            } else {
                layers.layer(new OutputLayer.Builder(spec.output().loss()).nIn(sizes.get(i - 1)).nOut(sizes.get(i))
                        .activation(spec.output().activation()).dropOut(dropout).build());
            }
        }
        return layers.build();
    }

    /**
     * @return an initialized network, with the {@linkplain Implementation#TUNED tuned} implementation
     * @see #configuration(NetworkSpec, Regularizer, boolean, long, Implementation)
     */
    public static MultiLayerNetwork build(NetworkSpec spec, Regularizer regularizer, boolean penalizeBiases,
                                          long seed) {
        return build(spec, regularizer, penalizeBiases, seed, Implementation.TUNED);
    }

    /**
     * @return an initialized network
     * @see #configuration(NetworkSpec, Regularizer, boolean, long, Implementation)
     */
    public static MultiLayerNetwork build(NetworkSpec spec, Regularizer regularizer, boolean penalizeBiases,
                                          long seed, Implementation implementation) {
        MultiLayerNetwork net = new MultiLayerNetwork(
                configuration(spec, regularizer, penalizeBiases, seed, implementation));
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
