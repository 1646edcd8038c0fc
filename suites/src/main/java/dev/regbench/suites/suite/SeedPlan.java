package dev.regbench.suites.suite;

import dev.regbench.reports.schema.Stage;
import java.util.HashSet;
import java.util.List;

/**
 * Which seeds run in which stage. A single stage ({@code seeds:}) runs every configuration on every seed; two
 * stages ({@code tuneSeeds:} and {@code evalSeeds:}) tune every grid point on the tuning seeds, choose on
 * validation, and re-train the chosen configurations on the evaluation seeds — disjoint from the tuning seeds,
 * so that the reported numbers are not the ones the choice was made on (DomainBed, DeepOBS).
 */
public sealed interface SeedPlan permits SeedPlan.SingleStage, SeedPlan.TwoStage {

    /** @return the stages, in the order they run */
    List<Stage> stages();

    /** @return the seeds of a stage (empty if the plan has no such stage) */
    List<Long> seeds(Stage stage);

    /**
     * @param seeds the seeds, distinct, non-empty, each ≥ 0
     */
    record SingleStage(List<Long> seeds) implements SeedPlan {
        /** Validates the seeds. */
        public SingleStage {
            seeds = requireSeeds(seeds, "seeds");
        }

        @Override
        public List<Stage> stages() {
            return List.of(Stage.SINGLE);
        }

        @Override
        public List<Long> seeds(Stage stage) {
            return stage == Stage.SINGLE ? seeds : List.of();
        }
    }

    /**
     * @param tune seeds of the tuning stage, distinct, non-empty
     * @param eval seeds of the evaluation stage, distinct, non-empty, none of them a tuning seed
     */
    record TwoStage(List<Long> tune, List<Long> eval) implements SeedPlan {
        /** Validates the seeds and that the two lists are disjoint. */
        public TwoStage {
            tune = requireSeeds(tune, "tuneSeeds");
            eval = requireSeeds(eval, "evalSeeds");
            List<Long> shared = tune.stream().filter(eval::contains).toList();
            if (!shared.isEmpty()) {
                throw new IllegalArgumentException("tuneSeeds and evalSeeds overlap in " + shared + ": evaluation "
                        + "seeds must take no part in the choice (use other seeds)");
            }
        }

        @Override
        public List<Stage> stages() {
            return List.of(Stage.TUNE, Stage.EVAL);
        }

        @Override
        public List<Long> seeds(Stage stage) {
            return switch (stage) {
                case TUNE -> tune;
                case EVAL -> eval;
                case SINGLE -> List.of();
            };
        }
    }

    private static List<Long> requireSeeds(List<Long> seeds, String field) {
        List<Long> copy = List.copyOf(seeds);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must list at least one seed");
        }
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException(field + " must be distinct, were " + copy);
        }
        if (copy.stream().anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException(field + " must be >= 0, were " + copy);
        }
        return copy;
    }
}
