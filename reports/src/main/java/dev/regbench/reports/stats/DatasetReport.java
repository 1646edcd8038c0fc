package dev.regbench.reports.stats;

import dev.regbench.reports.input.Source;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.TaskType;
import java.util.List;
import java.util.Optional;

/**
 * One (source, dataset) section of a report.
 *
 * @param source       the input directory and its label
 * @param dataset      dataset name
 * @param task         classification or regression
 * @param regularizers per regularizer, in the order of first appearance ({@code none} first if present)
 * @param provenance   where and how the runs were made
 */
public record DatasetReport(Source source, String dataset, TaskType task, List<RegularizerStats> regularizers,
                            Provenance provenance) {

    /** @return the baseline ({@code kind: none}), if this section has one */
    public Optional<RegularizerStats> baseline() {
        return regularizers.stream().filter(r -> r.regularizer().kind().equals("none")).findFirst();
    }

    /**
     * Where a section's numbers come from.
     *
     * @param suites        suite name and file SHA-256 of each distinct suite file, e.g. {@code mnist (sha256 1a2b…)}
     * @param seeds         all seeds seen
     * @param epochs        planned epochs (distinct values)
     * @param environments  distinct environments the runs report
     * @param firstStarted  earliest start time (ISO-8601)
     * @param lastFinished  latest finish time (ISO-8601)
     * @param runs          all runs of the section (completed and diverged)
     * @param overrides     distinct command-line overrides
     */
    public record Provenance(List<String> suites, List<Long> seeds, List<Integer> epochs, List<Environment> environments,
                             String firstStarted, String lastFinished, List<RunResult> runs, List<String> overrides) {
    }
}
