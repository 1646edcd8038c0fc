package dev.regbench.suites.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.weights.WeightInit;

/** Weight initialization schemes a suite may choose. */
public enum WeightInitScheme {
    /** He et al. 2015: N(0, 2/fanIn) (DL4J {@code RELU}). */
    HE(WeightInit.RELU),
    /** Glorot &amp; Bengio 2010: N(0, 2/(fanIn+fanOut)) (DL4J {@code XAVIER}). */
    XAVIER(WeightInit.XAVIER);

    private final WeightInit dl4j;

    WeightInitScheme(WeightInit dl4j) {
        this.dl4j = dl4j;
    }

    /** @return DL4J's scheme */
    public WeightInit dl4j() {
        return dl4j;
    }

    /** @return the name used in suite files, e.g. {@code he} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return all suite-file names, comma-separated */
    public static String ids() {
        return Arrays.stream(values()).map(WeightInitScheme::id).collect(Collectors.joining(", "));
    }
}
