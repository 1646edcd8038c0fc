package dev.regbench.reports.stats;

import dev.regbench.reports.schema.RegularizerInfo;
import dev.regbench.reports.schema.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headline numbers of one regularizer at one training-set size: its evaluation runs (or, in a single-stage
 * suite, all its runs), summarized over seeds at each run's reported epoch.
 *
 * @param regularizer its definition with the values it ran at (from the first run)
 * @param point       the swept parameters' values it ran at (chosen on validation in a two-stage suite)
 * @param completed   completed runs, by seed
 * @param diverged    diverged runs (excluded from every summary)
 * @param summaries   summary over completed runs of every metric that applies to the task
 * @param vsBaseline  comparisons against {@code none}, Holm-adjusted within their family (empty for none)
 * @param curve       mean ± spread learning curve over completed runs
 */
public record RegularizerStats(RegularizerInfo regularizer, Map<String, Double> point, List<RunResult> completed,
                               List<DivergedRun> diverged, Map<Metric, Summary> summaries,
                               List<Comparison> vsBaseline, List<CurvePoint> curve) {
    /** @return these numbers with other comparisons against none */
    public RegularizerStats withComparisons(List<Comparison> comparisons) {
        return new RegularizerStats(regularizer, point, completed, diverged, summaries, comparisons, curve);
    }

    /** @return the regularizer's name */
    public String name() {
        return regularizer.name();
    }

    /** @return whether this is the baseline ({@code kind: none}) */
    public boolean isBaseline() {
        return regularizer.kind().equals("none");
    }

    /** @return the summary of {@code metric} (n = 0 if it does not apply) */
    public Summary summary(Metric metric) {
        return summaries.getOrDefault(metric, Summary.of(new double[0]));
    }

    /** @return the comparison on {@code metric}, if made */
    public Optional<Comparison> comparison(Metric metric) {
        return vsBaseline.stream().filter(c -> c.metric() == metric).findFirst();
    }
}
