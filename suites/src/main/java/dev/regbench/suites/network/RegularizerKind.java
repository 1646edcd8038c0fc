package dev.regbench.suites.network;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The regularizer kinds a suite file can name, each with its numeric parameters (every one of them sweepable).
 * A kind turns one set of parameter values into a {@link Regularizer}; the regularizer's constructor validates
 * the values.
 */
public enum RegularizerKind {
    /** No regularization. */
    NONE("none", List.of(), p -> new Regularizer.None()),
    /** L1 penalty. */
    L1("l1", List.of("lambda"), p -> new Regularizer.L1(p.get("lambda"))),
    /** L2 penalty. */
    L2("l2", List.of("lambda"), p -> new Regularizer.L2(p.get("lambda"))),
    /** Dropout on inputs and hidden units plus an L2 penalty. */
    DROPOUT_L2("dropout-l2", List.of("inputRetain", "hiddenRetain", "lambda"),
            p -> new Regularizer.DropoutL2(p.get("inputRetain"), p.get("hiddenRetain"), p.get("lambda")));

    private final String id;
    private final List<String> parameters;
    private final Function<Map<String, Double>, Regularizer> factory;

    RegularizerKind(String id, List<String> parameters, Function<Map<String, Double>, Regularizer> factory) {
        this.id = id;
        this.parameters = parameters;
        this.factory = factory;
    }

    /** @return the name used in suite and result files, e.g. {@code dropout-l2} */
    public String id() {
        return id;
    }

    /** @return the kind's parameter keys, in the order suite files and file names list them */
    public List<String> parameters() {
        return parameters;
    }

    /**
     * @param values a value for every one of {@link #parameters()}
     * @return the regularizer
     * @throws IllegalArgumentException naming the parameter if a value is out of range
     */
    public Regularizer create(Map<String, Double> values) {
        if (!values.keySet().equals(new java.util.HashSet<>(parameters))) {
            throw new IllegalArgumentException("kind " + id + " takes " + parameters + ", was given " + values.keySet());
        }
        return factory.apply(values);
    }

    /**
     * @param id a kind's name
     * @return the kind
     * @throws IllegalArgumentException listing the known kinds
     */
    public static RegularizerKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown kind '" + id + "' (expected one of: " + ids() + ")"));
    }

    /** @return every kind's name, comma-separated */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(RegularizerKind::id).toList());
    }
}
