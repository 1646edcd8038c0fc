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
 * @param selection per data condition and regularizer name, the choice made after the tuning stage (empty
 *                  for a single-stage suite, or when tuning runs failed)
 * @param failed    runs that threw (no result written; a rerun retries them). A failed tuning run stops the
 *                  protocol before the selection: choosing on an incomplete grid would bias it
 */
public record RunSummary(List<RunResult> trained, List<RunResult> skipped,
                         Map<dev.regbench.suites.suite.DataCondition, Map<String, PointChoice>> selection,
                         List<FailedRun> failed) {
    /** @return the runs (trained now or earlier) that diverged */
    public List<RunResult> diverged() {
        return Stream.concat(trained.stream(), skipped.stream()).filter(r -> r.status() == RunStatus.DIVERGED).toList();
    }
}
