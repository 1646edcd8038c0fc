package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Published numbers a suite reproduces, from its {@code reference:} block: the report prints them beside
 * regbench's own, with the citation and how the setups differ. Carried in every run file of the suite (it is not
 * part of any configuration hash: editing it changes no run).
 *
 * @param citation where the numbers come from (authors, year, venue, table)
 * @param setup    how regbench's setup differs from the published one, in words
 * @param metric   what the numbers measure
 * @param values   per regularizer name of the suite, the published value (test error in percent, in [0, 100],
 *                 or test loss ≥ 0)
 */
public record PublishedReference(String citation, String setup, Metric metric, Map<String, Double> values) {
    /** What the published numbers measure. */
    public enum Metric {
        /** Test error in percent. */
        @JsonProperty("test-error") TEST_ERROR("test-error"),
        /** Mean test loss (cross-entropy or MSE). */
        @JsonProperty("test-loss") TEST_LOSS("test-loss");

        private final String id;

        Metric(String id) {
            this.id = id;
        }

        /** @return the name used in suite and result files */
        public String id() {
            return id;
        }
    }

    /** Validates and keeps the suite's order. */
    public PublishedReference {
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(metric, "metric");
        if (citation.isBlank()) {
            throw new IllegalArgumentException("citation must say where the numbers come from");
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("values must give at least one regularizer's published number");
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double v = e.getValue();
            boolean ok = metric == Metric.TEST_ERROR ? v >= 0 && v <= 100 : v >= 0 && Double.isFinite(v);
            if (!ok) {
                throw new IllegalArgumentException("values." + e.getKey() + " must be " + (metric == Metric.TEST_ERROR
                        ? "a test error in percent, in [0, 100]" : "a finite loss >= 0") + ", was " + v);
            }
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param names the regularizers that remain (e.g. after {@code --only})
     * @return this reference restricted to them, or empty if none of its values remains
     */
    public java.util.Optional<PublishedReference> restrictedTo(java.util.Collection<String> names) {
        Map<String, Double> kept = new LinkedHashMap<>(values);
        kept.keySet().retainAll(names);
        return kept.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new PublishedReference(citation, setup, metric, kept));
    }
}
