package dev.regbench.suites.harness;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import java.util.List;

/**
 * What one {@code regbench run} did.
 *
 * @param trained runs trained now (completed or diverged)
 * @param skipped runs skipped because an identical finished result existed
 */
public record RunSummary(List<RunResult> trained, List<RunResult> skipped) {
    /** @return the runs (trained now or earlier) that diverged */
    public List<RunResult> diverged() {
        return java.util.stream.Stream.concat(trained.stream(), skipped.stream())
                .filter(r -> r.status() == RunStatus.DIVERGED).toList();
    }
}
