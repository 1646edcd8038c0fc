package dev.regbench.suites.network;

import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The one seam between regbench's regularizer model and a faster implementation of DL4J's training classes
 * ({@link Implementation#TUNED}): {@link NetworkFactory} asks it for the dense and output layers, the penalties,
 * the dropout and the network object, each a drop-in replacement of DL4J's class that computes the same function
 * (up to float rounding; the implementation's own tests show it). regbench finds the implementation with
 * {@link java.util.ServiceLoader}; a build without it trains with DL4J's stock classes only.
 */
public interface Accelerator {
    /** The layout name that stands for "this machine's choice" on command lines and in benchmark parameters. */
    String MACHINE_LAYOUT = "machine";

    /**
     * @return why this JVM cannot train with it (another ND4J backend, a JDK without the APIs it needs, a kernel
     *         that fails its start-up check), in one line naming the fix; empty if it can
     */
    Optional<String> unavailable();

    /**
     * @return how it lays out the activations it hands on, on this machine (e.g. {@code feature-major}): the
     *         order of its floating-point sums, hence part of a run's identity
     */
    String layout();

    /**
     * @param spec a network
     * @return the layout a run of {@code spec} trains in on this machine: {@link #layout()}, or another where the
     *         accelerator computes such networks otherwise (small networks: every step in Java)
     */
    String layout(NetworkSpec spec);

    /**
     * @param net a network {@link #network} built and initialized
     * @return the layout it trains in; equal to {@link #layout(NetworkSpec)} of its spec (tested)
     */
    String layout(MultiLayerNetwork net);

    /** @return the layout names {@link #forceLayout} accepts besides {@link #MACHINE_LAYOUT} */
    java.util.List<String> layouts();

    /**
     * For benchmarks that compare layouts on one machine: layers built from now on use {@code id}.
     *
     * @param id a layout name, or {@link #MACHINE_LAYOUT} for this machine's choice again
     * @throws IllegalArgumentException naming the valid values
     */
    void forceLayout(String id);

    /** @return what it replaces, one sentence for reports */
    String description();

    /** @return the dense layer configuration that builds the accelerated layer, with {@code stock}'s settings */
    DenseLayer dense(DenseLayer stock);

    /** @return the output layer configuration that builds the accelerated layer, with {@code stock}'s settings */
    OutputLayer output(OutputLayer stock);

    /** @return DL4J's {@code L1Regularization(lambda)}, or a subclass that only scores faster */
    Regularization l1(double lambda);

    /** @return DL4J's {@code L2Regularization(lambda)}, or a subclass that only scores faster */
    Regularization l2(double lambda);

    /** @return DL4J's {@code WeightDecay(lambda, applyLR = true)}, or a subclass that only scores faster */
    Regularization weightDecay(double lambda);

    /**
     * @param maxNorm c &gt; 0
     * @return DL4J's {@code MaxNormConstraint(c, 0)}, or a subclass that computes the same per-unit rescaling faster
     */
    org.deeplearning4j.nn.api.layers.LayerConstraint maxNorm(double maxNorm);

    /** @return DL4J's inverted dropout with retain probability {@code retain} in (0, 1), drawing the same masks */
    IDropout dropout(double retain);

    /** @return the (uninitialized) network for {@code conf} */
    MultiLayerNetwork network(MultiLayerConfiguration conf);
}
