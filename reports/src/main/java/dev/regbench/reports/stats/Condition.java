package dev.regbench.reports.stats;

import dev.regbench.reports.select.PointChoice;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One training-set size of a section: its headline numbers (evaluation runs, or all runs of a single-stage
 * suite), its regularization paths (tuning runs) and, in a two-stage suite, what was chosen.
 *
 * @param trainSize    training examples per run
 * @param headline     per regularizer, the numbers the conclusions rest on; empty for an exploratory grid
 * @param paths        per regularizer and swept parameter, the path over the grid
 * @param selection    per regularizer name, the choice made on validation (two-stage suites only)
 * @param tuneSeeds    seeds of the tuning runs (empty for a single stage)
 */
public record Condition(int trainSize, List<RegularizerStats> headline, List<RegularizationPath> paths,
                        Map<String, PointChoice> selection, List<Long> tuneSeeds) {

    /** @return the baseline's headline numbers ({@code kind: none}), if there are any */
    public Optional<RegularizerStats> baseline() {
        return headline.stream().filter(RegularizerStats::isBaseline).findFirst();
    }
}
