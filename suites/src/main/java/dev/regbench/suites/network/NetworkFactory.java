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
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * Builds every network of regbench: one base {@link NetworkSpec} plus one {@link Regularizer}. The regularizer
 * enters only through its {@link Component}s (penalties, weight decay, max-norm, dropout), each mapped to one
 * DL4J mechanism, whatever kind named them; everything else — layer
 * sizes, activation, initialization, updater, seed, data type, workspaces — comes from the spec, so two
 * variants differ in their regularization fields and nowhere else (tested). The {@link Implementation} picks
 * DL4J's stock dense layer, penalties and dropout or an {@link Accelerator}'s drop-in replacements (the seam: this
 * class is the only one that asks for them); both train to the same parameters up to float rounding (tested).
 * The max-norm constraint is DL4J's {@code MaxNormConstraint} in both.
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
     * @param penalizeBiases whether L1, L2 and weight decay also apply to biases (max-norm never does) (DL4J's default, and regbench's: no)
     * @param seed           initialization seed: the same seed gives bit-identical initial parameters for
     *                       every regularizer
     * @param implementation DL4J's stock layers and penalties, or regbench's tuned ones (same results)
     * @return the configuration
     */
    public static MultiLayerConfiguration configuration(NetworkSpec spec, Regularizer regularizer,
                                                        boolean penalizeBiases, long seed,
                                                        Implementation implementation) {
        Accelerator fast = implementation == Implementation.TUNED ? accelerator() : null;
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(spec.optimizer().toUpdater())
                .weightInit(spec.weightInit().dl4j())
                .activation(spec.activation().dl4j())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        // The regularizer enters only through its components; each maps to one DL4J mechanism.
        // l1(λ)/l2(λ)/weightDecay(λ) install DL4J's L1Regularization/L2Regularization/WeightDecay (applyLR = true);
        // an accelerator's classes subclass them and change only how the score's penalty term is computed.
        List<Regularization> penalties = new ArrayList<>();
        regularizer.component(Component.L1.class).filter(c -> c.lambda() > 0).ifPresent(c ->
                penalties.add(fast != null ? fast.l1(c.lambda()) : new L1Regularization(c.lambda())));
        regularizer.component(Component.L2.class).filter(c -> c.lambda() > 0).ifPresent(c ->
                penalties.add(fast != null ? fast.l2(c.lambda()) : new L2Regularization(c.lambda())));
        regularizer.component(Component.WeightDecay.class).filter(c -> c.lambda() > 0).ifPresent(c ->
                penalties.add(fast != null ? fast.weightDecay(c.lambda()) : new WeightDecay(c.lambda(), true)));
        // Set on each layer, not on the global builder: given the same list globally, DL4J 1.0.0-M2.1 leaves each
        // layer's list holding WeightDecay twice (L1/L2 once), which applies the decay twice (tested).
        List<Regularization> biasPenalties = penalizeBiases ? penalties : List.of();
        // Dimension 0 of a dense layer's W [nIn, nOut] runs over the inputs: one norm per unit (see Component.MaxNorm).
        regularizer.maxNorm().ifPresent(c -> base.constrainWeights(fast != null ? fast.maxNorm(c)
                : new MaxNormConstraint(c, 0)));
        NeuralNetConfiguration.ListBuilder layers = base.list();
        List<Integer> sizes = spec.layerSizes();
        int last = sizes.size() - 1;
        for (int i = 1; i <= last; i++) {
            // DL4J's dropOut(p) acts on the layer's INPUT and p is the probability of RETAINING a unit.
            double retain = i == 1 ? regularizer.inputRetain() : regularizer.hiddenRetain();
            IDropout dropout = retain >= 1 ? null : dropout(retain, implementation);
            if (i < last) {
                DenseLayer dense = (DenseLayer) new DenseLayer.Builder().nIn(sizes.get(i - 1)).nOut(sizes.get(i))
                        .dropOut(dropout).regularization(copies(penalties))
                        .regularizationBias(copies(biasPenalties)).build();
                layers.layer(fast != null ? fast.dense(dense) : dense);
            } else {
                OutputLayer output = (OutputLayer) new OutputLayer.Builder(spec.output().loss()).nIn(sizes.get(i - 1)).nOut(sizes.get(i))
                        .activation(spec.output().activation()).dropOut(dropout).regularization(copies(penalties))
                        .regularizationBias(copies(biasPenalties)).build();
                layers.layer(fast != null ? fast.output(output) : output);
            }
        }
        return layers.build();
    }

    private static List<Regularization> copies(List<Regularization> penalties) {
        return new ArrayList<>(penalties.stream().map(Regularization::clone).toList());
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
        MultiLayerConfiguration conf = configuration(spec, regularizer, penalizeBiases, seed, implementation);
        MultiLayerNetwork net = implementation == Implementation.TUNED ? accelerator().network(conf)
                : new MultiLayerNetwork(conf);
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

    /**
     * @param retain         DL4J's p, the probability of RETAINING a unit, in (0, 1)
     * @param implementation DL4J's {@link Dropout} or the accelerator's (the same masks)
     * @return the dropout of a layer's input
     */
    public static IDropout dropout(double retain, Implementation implementation) {
        return implementation == Implementation.TUNED ? accelerator().dropout(retain) : new Dropout(retain);
    }

    /**
     * @return the accelerator, if it can run in this JVM
     * @throws IllegalStateException with its one-line reason where it cannot: callers choose an implementation
     *                               first ({@link Implementation#choose}), so only a programming error gets here
     */
    private static Accelerator accelerator() {
        Implementation.Choice choice = Implementation.TUNED.choose();
        if (choice.used() != Implementation.TUNED) {
            throw new IllegalStateException(choice.note());
        }
        return Implementation.accelerator().orElseThrow();
    }
}
