package dev.regbench.suites.suite;

import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a suite's {@code regularizers} list: a kind and the values of each of its parameters, any of
 * which may be swept, plus the optimizer settings the suite sweeps for every regularizer alike (the learning rate,
 * the momentum: {@link #TRAINING_KEYS}). It expands into grid points — the Cartesian product of the optimizer sweeps'
 * and its parameters' values, the optimizer's varying slowest.
 *
 * @param name       the label, unique in the suite; used in file names, so letters, digits, '.', '_' and '-'
 * @param kind       the regularizer kind
 * @param parameters a value or sweep for every parameter of the kind (of a composite: for the parameters it
 *                   uses), in the kind's order
 * @param training   the optimizer settings the suite sweeps, keyed {@code learningRate} and {@code momentum}
 *                   (empty when the suite fixes them); the same for every variant of a suite
 */
public record Variant(String name, RegularizerKind kind, Map<String, Sweep> parameters, Map<String, Sweep> training) {
    /** The optimizer settings a suite may sweep for every regularizer, in grid order. */
    public static final List<String> TRAINING_KEYS = List.of("learningRate", "momentum");

    /** A variant without optimizer sweeps. */
    public Variant(String name, RegularizerKind kind, Map<String, Sweep> parameters) {
        this(name, kind, parameters, Map.of());
    }

    /** The largest grid a regularizer may span (points), so that a typo cannot plan a billion runs. */
    public static final int MAX_POINTS = 10_000;

    /** Validates the name, that the parameters are exactly the kind's, and the grid's size. */
    public Variant {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-' (it names files), was '"
                    + name + "'");
        }
        LinkedHashMap<String, Sweep> ordered = new LinkedHashMap<>();
        for (String key : kind.parameters()) {
            Sweep s = parameters.get(key);
            if (s == null && kind.requiresAll()) {
                throw new IllegalArgumentException("kind " + kind.id() + " needs " + key);
            }
            if (s != null) {
                ordered.put(key, s);
            }
        }
        if (ordered.size() != parameters.size()) {
            throw new IllegalArgumentException("kind " + kind.id() + " takes only " + kind.parameters());
        }
        if (ordered.isEmpty() && !kind.requiresAll()) {
            throw new IllegalArgumentException("kind " + kind.id() + " needs at least one of " + kind.parameters());
        }
        LinkedHashMap<String, Sweep> axes = new LinkedHashMap<>();
        for (String key : TRAINING_KEYS) {
            if (training.containsKey(key)) {
                axes.put(key, training.get(key));
            }
        }
        if (axes.size() != training.size()) {
            throw new IllegalArgumentException("only " + TRAINING_KEYS + " of the optimizer can be swept");
        }
        training = java.util.Collections.unmodifiableMap(axes);
        long points = 1;
        for (Sweep s : java.util.stream.Stream.concat(axes.values().stream(), ordered.values().stream()).toList()) {
            points *= s.values().size();
            if (points > MAX_POINTS) {
                throw new IllegalArgumentException("the grid of regularizer '" + name + "' has more than " + MAX_POINTS
                        + " points; sweep fewer values");
            }
        }
        parameters = java.util.Collections.unmodifiableMap(ordered);
    }

    /**
     * A variant with fixed values only.
     *
     * @param name        its label
     * @param regularizer a regularizer whose kind and values it takes
     * @return the variant
     */
    public static Variant of(String name, Regularizer regularizer) {
        RegularizerKind kind = regularizer.kind();
        Map<String, Sweep> parameters = new LinkedHashMap<>();
        regularizer.parameters().forEach((k, v) -> parameters.put(k, Sweep.of(v)));
        return new Variant(name, kind, parameters);
    }

    /** @return whether any optimizer setting or parameter takes more than one value */
    public boolean swept() {
        return axes().values().stream().anyMatch(Sweep::swept);
    }

    /** @return the swept keys, optimizer settings first, then the parameters in the kind's order */
    public List<String> sweptKeys() {
        return axes().entrySet().stream().filter(e -> e.getValue().swept()).map(Map.Entry::getKey).toList();
    }

    /** @return every axis of the grid: the optimizer sweeps, then the regularizer's parameters */
    public Map<String, Sweep> axes() {
        Map<String, Sweep> all = new LinkedHashMap<>(training);
        all.putAll(parameters);
        return java.util.Collections.unmodifiableMap(all);
    }

    /**
     * @param key   an axis ({@link #axes()})
     * @param sweep its new values (a grid extended past an edge)
     * @return this variant with that axis replaced
     */
    public Variant withAxis(String key, Sweep sweep) {
        Map<String, Sweep> p = new LinkedHashMap<>(parameters);
        Map<String, Sweep> t = new LinkedHashMap<>(training);
        if (t.containsKey(key)) {
            t.put(key, sweep);
        } else if (p.containsKey(key)) {
            p.put(key, sweep);
        } else {
            throw new IllegalArgumentException(name + " has no axis " + key);
        }
        return new Variant(name, kind, p, t);
    }

    /** @return every grid point, the first axis varying slowest */
    public List<Point> points() {
        List<Map<String, Double>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, Sweep> p : axes().entrySet()) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> c : combos) {
                for (double v : p.getValue().values()) {
                    Map<String, Double> m = new LinkedHashMap<>(c);
                    m.put(p.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos.stream().map(c -> new Point(this, c)).toList();
    }

    /** @return a representative point: the middle value of each sweep (e.g. for throughput benchmarks) */
    public Point representative() {
        Map<String, Double> values = new LinkedHashMap<>();
        axes().forEach((k, s) -> values.put(k, s.middle()));
        return new Point(this, values);
    }

    /**
     * A point at these swept values, on the suite's grid or on a grid extended past its edge (the fixed axes at
     * their one value).
     *
     * @param swept a value for each of this variant's swept axes
     * @return the point
     * @throws IllegalArgumentException if the keys are not exactly the swept axes
     */
    public Point pointAt(Map<String, Double> swept) {
        if (!swept.keySet().equals(new java.util.LinkedHashSet<>(sweptKeys()))) {
            throw new IllegalArgumentException(swept + " does not give exactly the swept axes " + sweptKeys()
                    + " of regularizer " + name);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        axes().forEach((k, s) -> values.put(k, s.swept() ? swept.get(k) : s.values().get(0)));
        return new Point(this, values);
    }

    /**
     * @param swept values of this variant's swept parameters (e.g. from a selection)
     * @return the grid point with those values and the fixed values of the others
     * @throws IllegalArgumentException if it is not a point of the grid
     */
    public Point point(Map<String, Double> swept) {
        return points().stream().filter(p -> p.swept().equals(swept)).findFirst().orElseThrow(() ->
                new IllegalArgumentException(swept + " is not a grid point of regularizer " + name));
    }
}
