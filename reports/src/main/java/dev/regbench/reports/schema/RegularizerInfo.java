package dev.regbench.reports.schema;

/**
 * The one setting in which the variants of a suite differ.
 *
 * @param name           the suite's label for it (unique within a suite), e.g. {@code l2}
 * @param kind           {@code none}, {@code l1}, {@code l2} or {@code dropout-l2}
 * @param lambda         penalty strength λ ≥ 0 ({@code l1}, {@code l2}, {@code dropout-l2}); absent for none
 * @param inputRetain    probability of keeping an input unit, in (0, 1] ({@code dropout-l2} only)
 * @param hiddenRetain   probability of keeping a hidden unit, in (0, 1] ({@code dropout-l2} only)
 * @param penalizeBiases whether the penalty also applies to biases
 * @param dl4j           how it was applied in DL4J, in words (e.g. which API and what the score adds)
 */
public record RegularizerInfo(String name, String kind, Double lambda, Double inputRetain, Double hiddenRetain,
                              boolean penalizeBiases, String dl4j) {
    /** The four standard kinds, in the order reports list them; other kinds follow, by name. */
    public static final java.util.List<String> STANDARD_KINDS = java.util.List.of("none", "l1", "l2", "dropout-l2");

    /** @return this kind's position in {@link #STANDARD_KINDS}, or its size for any other kind */
    public int kindRank() {
        int rank = STANDARD_KINDS.indexOf(kind);
        return rank < 0 ? STANDARD_KINDS.size() : rank;
    }
}
