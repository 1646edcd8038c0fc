package dev.regbench.suites.suite;

import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.Regularizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One grid point of a {@link Variant}: a value for every swept optimizer setting and every parameter of its kind.
 *
 * @param variant the variant it belongs to
 * @param values  every axis' value, the optimizer's first, then the parameters in the kind's order
 */
public record Point(Variant variant, Map<String, Double> values) {
    /** Keeps the kind's order. */
    public Point {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return the regularizer at this point (validated by its constructor) */
    public Regularizer regularizer() {
        Map<String, Double> parameters = new LinkedHashMap<>(values);
        variant.training().keySet().forEach(parameters::remove);
        return variant.kind().create(parameters);
    }

    /**
     * @param base the suite's optimizer
     * @return the optimizer at this point: {@code base} with this point's learning rate and momentum, if swept
     */
    public OptimizerSpec optimizer(OptimizerSpec base) {
        return base.with(values.getOrDefault("learningRate", base.learningRate()),
                values.getOrDefault("momentum", base.momentum()));
    }

    /** @return the values of the variant's swept parameters only (empty if nothing is swept) */
    public Map<String, Double> swept() {
        Map<String, Double> swept = new LinkedHashMap<>();
        for (String k : variant.sweptKeys()) {
            swept.put(k, values.get(k));
        }
        return Collections.unmodifiableMap(swept);
    }

    /**
     * @return the point's stable name: the variant's name, then {@code -key=value} per swept parameter
     *         ({@link Sweep#format}), e.g. {@code l2-lambda=1e-4} or {@code dropout-l2-hiddenRetain=0.5}
     */
    public String id() {
        StringBuilder b = new StringBuilder(variant.name());
        swept().forEach((k, v) -> b.append('-').append(k).append('=').append(Sweep.format(v)));
        return b.toString();
    }

    @Override
    public String toString() {
        return id();
    }
}
