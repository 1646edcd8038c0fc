package dev.regbench.suites.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The regularizer kinds a suite file can name: named presets of {@link Component}s, plus {@link #COMPOSITE},
 * which takes any combination of the components' parameters. Each kind lists its numeric parameters (every one
 * sweepable) and turns one set of values into a {@link Regularizer}. Values are validated here, by the key the
 * suite file uses.
 */
public enum RegularizerKind {
    /** No regularization: the baseline. */
    NONE("none", List.of(), p -> List.of()),
    /** L1 penalty. */
    L1("l1", List.of(Parameter.strength("lambda")), p -> List.of(new Component.L1(p.get("lambda")))),
    /** L2 penalty (gradient term before the updater). */
    L2("l2", List.of(Parameter.strength("lambda")), p -> List.of(new Component.L2(p.get("lambda")))),
    /** Both penalties (Srivastava et al. 2014, Table 9's "L2 + L1"). */
    L1_L2("l1-l2", List.of(Parameter.strength("l1"), Parameter.strength("l2")),
            p -> List.of(new Component.L1(p.get("l1")), new Component.L2(p.get("l2")))),
    /** Decoupled weight decay (after the updater). */
    WEIGHT_DECAY("weight-decay", List.of(Parameter.strength("lambda")),
            p -> List.of(new Component.WeightDecay(p.get("lambda")))),
    /** Max-norm constraint on every unit's incoming weights. */
    MAX_NORM("max-norm", List.of(Parameter.norm("maxNorm")), p -> List.of(new Component.MaxNorm(p.get("maxNorm")))),
    /** Dropout alone. */
    DROPOUT("dropout", List.of(Parameter.retain("inputRetain"), Parameter.retain("hiddenRetain")),
            p -> List.of(new Component.Dropout(p.get("inputRetain"), p.get("hiddenRetain")))),
    /** Dropout plus an L2 penalty. */
    DROPOUT_L2("dropout-l2", List.of(Parameter.retain("inputRetain"), Parameter.retain("hiddenRetain"),
            Parameter.strength("lambda")),
            p -> List.of(new Component.Dropout(p.get("inputRetain"), p.get("hiddenRetain")),
                    new Component.L2(p.get("lambda")))),
    /** Dropout plus max-norm (Srivastava et al. 2014's best MNIST row). */
    DROPOUT_MAX_NORM("dropout-max-norm", List.of(Parameter.retain("inputRetain"), Parameter.retain("hiddenRetain"),
            Parameter.norm("maxNorm")),
            p -> List.of(new Component.Dropout(p.get("inputRetain"), p.get("hiddenRetain")),
                    new Component.MaxNorm(p.get("maxNorm")))),
    /**
     * Any composition, written component by component: {@code l1}, {@code l2}, {@code weightDecay},
     * {@code maxNorm}, {@code inputRetain}, {@code hiddenRetain} — at least one, each optional (a missing retain
     * probability is 1), {@code l2} and {@code weightDecay} not together.
     */
    COMPOSITE("composite", List.of(Parameter.strength("l1"), Parameter.strength("l2"),
            Parameter.strength("weightDecay"), Parameter.norm("maxNorm"), Parameter.retain("inputRetain"),
            Parameter.retain("hiddenRetain")), RegularizerKind::composite);

    private final String id;
    private final List<Parameter> parameters;
    private final Function<Map<String, Double>, List<Component>> components;

    RegularizerKind(String id, List<Parameter> parameters, Function<Map<String, Double>, List<Component>> components) {
        this.id = id;
        this.parameters = parameters;
        this.components = components;
    }

    /** @return the name used in suite and result files, e.g. {@code dropout-max-norm} */
    public String id() {
        return id;
    }

    /** @return the parameter keys the kind accepts, in the order suite files and file names list them */
    public List<String> parameters() {
        return parameters.stream().map(Parameter::key).toList();
    }

    /** @return whether every parameter must be given ({@code false} only for {@link #COMPOSITE}) */
    public boolean requiresAll() {
        return this != COMPOSITE;
    }

    /**
     * @param values a value for every parameter of a preset, or for some (at least one) of a composite's
     * @return the regularizer, its parameters in the kind's order
     * @throws IllegalArgumentException naming the parameter if a value is missing, unknown or out of range
     */
    public Regularizer create(Map<String, Double> values) {
        List<String> keys = parameters();
        for (String key : values.keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("kind " + id + " takes " + String.join(", ", keys)
                        + "; '" + key + "' is not one of them");
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            Double v = values.get(p.key());
            if (v == null) {
                if (requiresAll()) {
                    throw new IllegalArgumentException("kind " + id + " needs " + p.key());
                }
                continue;
            }
            p.validate(v);
            ordered.put(p.key(), v);
        }
        if (this == COMPOSITE && ordered.isEmpty()) {
            throw new IllegalArgumentException("kind composite needs at least one of " + String.join(", ", keys));
        }
        return new Regularizer(this, ordered, components.apply(ordered));
    }

    /**
     * @param values one value per parameter, in {@link #parameters()} order
     * @return the regularizer
     */
    public Regularizer with(double... values) {
        List<String> keys = parameters();
        if (values.length != keys.size()) {
            throw new IllegalArgumentException("kind " + id + " takes " + keys + ", was given " + values.length
                    + " values");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(keys.get(i), values[i]);
        }
        return create(map);
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

    private static List<Component> composite(Map<String, Double> p) {
        if (p.containsKey("l2") && p.containsKey("weightDecay")) {
            throw new IllegalArgumentException("kind composite: l2 and weightDecay are two ways of applying the same "
                    + "penalty (before or after the updater); give one of them");
        }
        List<Component> parts = new ArrayList<>();
        if (p.containsKey("l1")) {
            parts.add(new Component.L1(p.get("l1")));
        }
        if (p.containsKey("l2")) {
            parts.add(new Component.L2(p.get("l2")));
        }
        if (p.containsKey("weightDecay")) {
            parts.add(new Component.WeightDecay(p.get("weightDecay")));
        }
        if (p.containsKey("maxNorm")) {
            parts.add(new Component.MaxNorm(p.get("maxNorm")));
        }
        if (p.containsKey("inputRetain") || p.containsKey("hiddenRetain")) {
            parts.add(new Component.Dropout(p.getOrDefault("inputRetain", 1.0), p.getOrDefault("hiddenRetain", 1.0)));
        }
        return parts;
    }

    /**
     * A numeric parameter and its range.
     *
     * @param key   the key in suite files
     * @param range what values it takes
     */
    private record Parameter(String key, Range range) {
        static Parameter strength(String key) {
            return new Parameter(key, Range.STRENGTH);
        }

        static Parameter retain(String key) {
            return new Parameter(key, Range.PROBABILITY);
        }

        static Parameter norm(String key) {
            return new Parameter(key, Range.NORM);
        }

        void validate(double v) {
            switch (range) {
                case STRENGTH -> Component.requireStrength(key, v);
                case PROBABILITY -> Component.requireRetain(key, v);
                case NORM -> {
                    if (!(v > 0) || Double.isInfinite(v)) {
                        throw new IllegalArgumentException(key + " must be a finite number > 0 (the largest norm a "
                                + "unit's incoming weights may have), was " + v);
                    }
                }
            }
        }
    }

    /** Parameter ranges. */
    private enum Range {
        /** A penalty or decay strength: finite, ≥ 0. */
        STRENGTH,
        /** A retain probability: (0, 1]. */
        PROBABILITY,
        /** A norm bound: finite, &gt; 0. */
        NORM
    }
}
