package dev.regbench.suites.harness;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import dev.regbench.reports.select.PointChoice;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one {@code regbench run} did.
 *
 * @param trained   runs trained now (completed or diverged)
 * @param skipped   runs skipped because an identical finished result existed
 * @param selection per training-set size and regularizer name, the choice made after the tuning stage (empty
 *                  for a single-stage suite)
 */
public record RunSummary(List<RunResult> trained, List<RunResult> skipped,
                         Map<dev.regbench.suites.suite.DataCondition, Map<String, PointChoice>> selection) {
    /** @return the runs (trained now or earlier) that diverged */
    public List<RunResult> diverged() {
        return Stream.concat(trained.stream(), skipped.stream()).filter(r -> r.status() == RunStatus.DIVERGED).toList();
    }
}
