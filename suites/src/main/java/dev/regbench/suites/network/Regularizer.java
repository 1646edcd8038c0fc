package dev.regbench.suites.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A regularizer: a {@link RegularizerKind} with its parameter values, and the {@link Component}s they stand for
 * (at most one of each type). The {@link NetworkFactory} reads only the components, so every kind — preset or
 * composite — is built by the same code path. Create one with {@link RegularizerKind#create} or
 * {@link RegularizerKind#with}.
 *
 * @param kind       the kind a suite file named
 * @param parameters its parameter values as the suite file keys them, in the kind's order
 * @param components what they mean; empty for {@code none}
 */
public record Regularizer(RegularizerKind kind, Map<String, Double> parameters, List<Component> components) {
    /** Copies the collections and refuses two components of one type. */
    public Regularizer {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        components = List.copyOf(components);
        Set<Class<?>> seen = new HashSet<>();
        for (Component c : components) {
            if (!seen.add(c.getClass())) {
                throw new IllegalArgumentException("a regularizer holds at most one " + c.getClass().getSimpleName()
                        + " component");
            }
        }
    }

    /** @return the baseline: no regularization */
    public static Regularizer none() {
        return RegularizerKind.NONE.with();
    }

    /**
     * @param type a component type
     * @param <T>  that type
     * @return this regularizer's component of that type, if it has one
     */
    public <T extends Component> Optional<T> component(Class<T> type) {
        return components.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** @return L1 strength λ ≥ 0 (score += λ·Σ|w|); 0 without an L1 component */
    public double l1() {
        return component(Component.L1.class).map(Component.L1::lambda).orElse(0.0);
    }

    /** @return L2 strength λ ≥ 0 (score += ½·λ·Σw²); 0 without an L2 component */
    public double l2() {
        return component(Component.L2.class).map(Component.L2::lambda).orElse(0.0);
    }

    /** @return decoupled weight decay λ ≥ 0 (w −= lr·λ·w after the updater); 0 without one */
    public double weightDecay() {
        return component(Component.WeightDecay.class).map(Component.WeightDecay::lambda).orElse(0.0);
    }

    /** @return the max-norm bound c &gt; 0, if there is one */
    public Optional<Double> maxNorm() {
        return component(Component.MaxNorm.class).map(Component.MaxNorm::limit);
    }

    /** @return probability of keeping each input unit during training, in (0, 1]; 1 = no input dropout */
    public double inputRetain() {
        return component(Component.Dropout.class).map(Component.Dropout::inputRetain).orElse(1.0);
    }

    /** @return probability of keeping each hidden unit during training, in (0, 1]; 1 = no hidden dropout */
    public double hiddenRetain() {
        return component(Component.Dropout.class).map(Component.Dropout::hiddenRetain).orElse(1.0);
    }

    /** @return how DL4J applies it, in words (recorded in every result file) */
    public String dl4jDescription() {
        if (components.isEmpty()) {
            return "no penalty, no constraint, no dropout";
        }
        List<String> parts = new ArrayList<>();
        components.forEach(c -> parts.add(c.dl4jDescription()));
        return String.join("; ", parts);
    }
}
