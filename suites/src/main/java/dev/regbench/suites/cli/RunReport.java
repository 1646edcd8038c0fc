package dev.regbench.suites.cli;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.suites.harness.FailedRun;
import dev.regbench.suites.harness.ResultStore;
import dev.regbench.suites.harness.RunSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The closing lines of {@code regbench run} and {@code regbench sweep}: what was trained, what diverged, which runs
 * are flagged unstable, what failed.
 */
public final class RunReport {
    private RunReport() {
    }

    /**
     * @param out     counts and where the results are
     * @param err     diverged and failed runs, one line each
     * @param summary what the suite runner did
     * @param dir     the output directory, as the user named it
     */
    public static void print(PrintWriter out, PrintWriter err, RunSummary summary, String dir) {
        String runs = dir.endsWith("/") ? dir + "runs" : dir + "/runs";
        out.printf(Locale.ROOT, "done: %d run(s) trained, %d already finished%s; results in %s%n",
                summary.trained().size(), summary.skipped().size(),
                summary.failed().isEmpty() ? "" : ", " + summary.failed().size() + " failed", runs);
        if (!summary.selection().isEmpty()) {
            out.println("selection (validation only): " + (dir.endsWith("/") ? dir : dir + "/")
                    + ResultStore.SELECTION_FILE);
        }
        List<RunResult> diverged = summary.diverged();
        if (!diverged.isEmpty()) {
            err.printf(Locale.ROOT, "WARNING: %d run(s) diverged (recorded with status \"diverged\"):%n", diverged.size());
            for (RunResult r : diverged) {
                err.printf(Locale.ROOT, "  %s %s%s seed %d: %s%n", r.stage().id(), r.regularizer().name(),
                        r.point().isEmpty() ? "" : " " + r.point(), r.seed(), r.failure());
            }
        }
        List<RunResult> unstable = java.util.stream.Stream.concat(summary.trained().stream(), summary.skipped().stream())
                .filter(r -> r.unstable().isPresent()).toList();
        if (!unstable.isEmpty()) {
            err.printf(Locale.ROOT, "NOTE: %d completed run(s) are flagged unstable (their training loss rose markedly "
                    + "between evaluations: a learning rate too large for them; the report lists them):%n",
                    unstable.size());
            for (RunResult r : unstable) {
                err.printf(Locale.ROOT, "  %s %s%s seed %d: %s%n", r.stage().id(), r.regularizer().name(),
                        r.point().isEmpty() ? "" : " " + r.point(), r.seed(), r.unstable().orElseThrow().describe());
            }
        }
        if (!summary.failed().isEmpty()) {
            err.printf(Locale.ROOT, "FAILED: %d run(s) threw and wrote no result; re-run the same command to retry "
                    + "them%s:%n", summary.failed().size(), summary.selection().isEmpty()
                    && summary.failed().stream().anyMatch(f -> f.key().stage() == dev.regbench.reports.schema.Stage.TUNE)
                    ? " (a failed tuning run stops the sweep before the selection)" : "");
            // One line per run while messages differ; runs that failed the same way share one line.
            java.util.Map<String, List<FailedRun>> byMessage = new java.util.LinkedHashMap<>();
            summary.failed().forEach(f -> byMessage.computeIfAbsent(f.message(), k -> new java.util.ArrayList<>()).add(f));
            byMessage.forEach((message, same) -> {
                if (same.size() == 1) {
                    err.printf(Locale.ROOT, "  %s: %s%n", same.get(0).key(), message);
                } else {
                    err.printf(Locale.ROOT, "  %d runs (%s, …): %s%n", same.size(), same.get(0).key(), message);
                }
            });
        }
        out.flush();
        err.flush();
    }
}
