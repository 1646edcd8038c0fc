package dev.regbench.reports.stats;

import dev.regbench.reports.input.Source;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.PublishedReference;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.select.SelectionPolicy;
import java.util.List;

/**
 * One experiment of a report: the runs of one results directory that share a configuration
 * ({@code suite.experimentSha256}), so they differ only in regularizer, grid point, training-set size, stage and
 * seed. Runs of different configurations are different sections, never pooled.
 *
 * @param source     the input directory and its label
 * @param label      the section's title, e.g. {@code mnist-path · CPU}
 * @param suite      the suite's name
 * @param experiment the configuration hash every run of the section shares
 * @param dataset    dataset name
 * @param task       classification or regression
 * @param protocol   how the headline numbers were obtained
 * @param policy     the suite's epoch rule and selection metric
 * @param conditions one per data condition (training-set size, then label noise), ascending
 * @param provenance where and how the runs were made
 * @param reference  the published numbers the suite file cites, or null
 */
public record Section(Source source, String label, String suite, String experiment, String dataset, TaskType task,
                      Protocol protocol, SelectionPolicy policy, List<Condition> conditions, Provenance provenance,
                      PublishedReference reference) {

    /** How a section's headline numbers were obtained. */
    public enum Protocol {
        /** Chosen on validation over tuning seeds, reported on fresh evaluation seeds. */
        TWO_STAGE,
        /** Settings fixed by the suite file (no grid): every run is reported; nothing was chosen. */
        FIXED,
        /** A grid run on one set of seeds without selection (exploratory): paths only, no headline. */
        EXPLORATORY
    }

    /**
     * Where a section's numbers come from.
     *
     * @param suites        suite name and file SHA-256 of each distinct suite file
     * @param seeds         all seeds seen, by stage, e.g. {@code tune 1, 2; eval 11, 12}
     * @param epochs        planned epochs (distinct values)
     * @param environments  distinct environments the runs report
     * @param firstStarted  earliest start time (ISO-8601)
     * @param lastFinished  latest finish time (ISO-8601)
     * @param runs          all runs of the section (completed and diverged, every stage)
     * @param overrides     distinct command-line overrides
     */
    public record Provenance(List<String> suites, String seeds, List<Integer> epochs, List<Environment> environments,
                             String firstStarted, String lastFinished, List<RunResult> runs, List<String> overrides) {
    }
}
