package dev.regbench.suites.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Hidden-layer activations a suite may choose, with the weight initialization that suits each by default. */
public enum Activation {
    /** max(0, x); default init He (DL4J {@code RELU}). */
    RELU(org.nd4j.linalg.activations.Activation.RELU, WeightInitScheme.HE),
    /** max(0.01·x, x); default init He. */
    LEAKYRELU(org.nd4j.linalg.activations.Activation.LEAKYRELU, WeightInitScheme.HE),
    /** tanh(x); default init Xavier. */
    TANH(org.nd4j.linalg.activations.Activation.TANH, WeightInitScheme.XAVIER),
    /** 1/(1+e^-x); default init Xavier. */
    SIGMOID(org.nd4j.linalg.activations.Activation.SIGMOID, WeightInitScheme.XAVIER);

    private final org.nd4j.linalg.activations.Activation dl4j;
    private final WeightInitScheme defaultInit;

    Activation(org.nd4j.linalg.activations.Activation dl4j, WeightInitScheme defaultInit) {
        this.dl4j = dl4j;
        this.defaultInit = defaultInit;
    }

    /** @return DL4J's activation */
    public org.nd4j.linalg.activations.Activation dl4j() {
        return dl4j;
    }

    /** @return the initialization used when a suite does not name one */
    public WeightInitScheme defaultInit() {
        return defaultInit;
    }

    /** @return the name used in suite files, e.g. {@code relu} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return all suite-file names, comma-separated */
    public static String ids() {
        return Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", "));
    }
}
