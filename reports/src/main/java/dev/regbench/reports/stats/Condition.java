package dev.regbench.reports.stats;

import dev.regbench.reports.select.PointChoice;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data condition of a section — a training-set size and a label-noise fraction: its headline numbers
 * (evaluation runs, or all runs of a single-stage suite), its regularization paths (tuning runs) and, in a
 * two-stage suite, what was chosen.
 *
 * @param trainSize    training examples per run
 * @param labelNoise   fraction of the training labels replaced by random ones, in [0, 1] (0: the true labels)
 * @param headline     per regularizer, the numbers the conclusions rest on; empty for an exploratory grid
 * @param paths        per regularizer and swept parameter, the path over the grid
 * @param selection    per regularizer name, the choice made on validation (two-stage suites only)
 * @param tuneSeeds    seeds of the tuning runs (empty for a single stage)
 * @param budgets      per regularizer with a selection, the expected choice as a function of its tuning budget
 *                     (two-stage suites only, in the order of {@code selection})
 */
public record Condition(int trainSize, double labelNoise, List<RegularizerStats> headline, List<RegularizationPath> paths,
                        Map<String, PointChoice> selection, List<Long> tuneSeeds, List<TuningBudget> budgets) {

    /** @return e.g. {@code 5,000 training examples} or {@code 5,000 training examples, 100 % random labels} */
    public String label() {
        return String.format(java.util.Locale.ROOT, "%,d training examples", trainSize) + noiseLabel();
    }

    /** @return {@code ", 50 % random labels"}, or empty for the true labels */
    public String noiseLabel() {
        return labelNoise == 0 ? "" : ", " + java.math.BigDecimal.valueOf(labelNoise * 100).stripTrailingZeros()
                .toPlainString() + " % random labels";
    }

    /** @return a file-name fragment, e.g. {@code n5000} or {@code n5000-noise0.5} */
    public String slug() {
        return "n" + trainSize + (labelNoise == 0 ? "" : "-noise" + java.math.BigDecimal.valueOf(labelNoise)
                .stripTrailingZeros().toPlainString());
    }

    /** @return the baseline's headline numbers ({@code kind: none}), if there are any */
    public Optional<RegularizerStats> baseline() {
        return headline.stream().filter(RegularizerStats::isBaseline).findFirst();
    }
}
