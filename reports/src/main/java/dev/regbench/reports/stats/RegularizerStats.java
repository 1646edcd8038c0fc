package dev.regbench.reports.stats;

import dev.regbench.reports.schema.RegularizerInfo;
import dev.regbench.reports.schema.RunResult;
import java.util.List;
import java.util.Map;

/**
 * Everything a report says about one regularizer of one dataset of one source.
 *
 * @param regularizer its definition (from the first run)
 * @param completed   completed runs, by seed
 * @param diverged    diverged runs (excluded from every summary)
 * @param summaries   summary over completed runs of every metric that applies to the task
 * @param vsBaseline  comparisons against {@code none} (empty for {@code none} itself or if there is none)
 * @param curve       mean ± spread learning curve over completed runs
 */
public record RegularizerStats(RegularizerInfo regularizer, List<RunResult> completed, List<DivergedRun> diverged,
                               Map<Metric, Summary> summaries, List<Comparison> vsBaseline,
                               List<CurvePoint> curve) {
    /** @return the regularizer's name */
    public String name() {
        return regularizer.name();
    }

    /** @return the summary of {@code metric} (n = 0 if it does not apply) */
    public Summary summary(Metric metric) {
        return summaries.getOrDefault(metric, Summary.of(new double[0]));
    }

    /** @return the comparison on {@code metric}, if made */
    public java.util.Optional<Comparison> comparison(Metric metric) {
        return vsBaseline.stream().filter(c -> c.metric() == metric).findFirst();
    }
}
