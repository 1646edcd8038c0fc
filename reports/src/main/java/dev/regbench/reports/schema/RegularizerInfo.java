package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one setting in which the variants of a suite differ: a kind (a named preset of components, or
 * {@code composite}), its parameter values, and the components they amount to.
 *
 * @param name           the suite's label for it (unique within a suite), e.g. {@code l2}
 * @param kind           one of {@link #KINDS}
 * @param parameters     the kind's parameter values, keyed as in suite files (e.g. {@code {"l1": 1e-5,
 *                       "l2": 1e-4}}); in files of minor version &lt; 2 derived from the fields below
 * @param lambda         the kind's {@code lambda} parameter ({@code l1}, {@code l2}, {@code dropout-l2},
 *                       {@code weight-decay}), ≥ 0; absent for kinds without one
 * @param inputRetain    probability of keeping an input unit, in (0, 1]; absent without dropout
 * @param hiddenRetain   probability of keeping a hidden unit, in (0, 1]; absent without dropout
 * @param l1             L1 penalty λ ≥ 0 (score += λ·Σ|w|, before the updater); absent without one
 * @param l2             L2 penalty λ ≥ 0 (score += ½·λ·Σw², gradient before the updater); absent without one
 * @param weightDecay    decoupled weight decay λ ≥ 0 (w −= learning rate·λ·w after the updater); absent without
 * @param maxNorm        max-norm bound c &gt; 0 on each unit's incoming weight vector; absent without one
 * @param penalizeBiases whether the penalties and weight decay also apply to biases
 * @param dl4j           how it was applied in DL4J, in words (which API, what the score adds)
 */
@JsonPropertyOrder({"name", "kind", "parameters", "lambda", "inputRetain", "hiddenRetain", "l1", "l2", "weightDecay",
        "maxNorm", "penalizeBiases", "dl4j"})
public record RegularizerInfo(String name, String kind, Map<String, Double> parameters, Double lambda,
                              Double inputRetain, Double hiddenRetain, Double l1, Double l2, Double weightDecay,
                              Double maxNorm, boolean penalizeBiases, String dl4j) {
    /** Every kind regbench knows, in the order reports list them; other kinds follow, by name. */
    public static final List<String> KINDS = List.of("none", "l1", "l2", "l1-l2", "weight-decay", "max-norm",
            "dropout", "dropout-l2", "dropout-max-norm", "composite");

    /**
     * Fills in what files of minor version &lt; 2 lack (they hold kinds none, l1, l2 and dropout-l2 only):
     * {@code parameters} from {@code lambda} and the retain probabilities, {@code l1}/{@code l2} from
     * {@code lambda}.
     */
    public RegularizerInfo {
        if (parameters == null) {
            Map<String, Double> derived = new LinkedHashMap<>();
            if (inputRetain != null) {
                derived.put("inputRetain", inputRetain);
            }
            if (hiddenRetain != null) {
                derived.put("hiddenRetain", hiddenRetain);
            }
            if (lambda != null) {
                derived.put("lambda", lambda);
            }
            parameters = derived;
            if (l1 == null && "l1".equals(kind)) {
                l1 = lambda;
            }
            if (l2 == null && ("l2".equals(kind) || "dropout-l2".equals(kind))) {
                l2 = lambda;
            }
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** @return this kind's position in {@link #KINDS}, or its size for an unknown kind */
    public int kindRank() {
        int rank = KINDS.indexOf(kind);
        return rank < 0 ? KINDS.size() : rank;
    }
}
