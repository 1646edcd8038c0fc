package dev.regbench.reports.input;

import java.util.List;

/**
 * Everything a report reads.
 *
 * @param runs       readable run results, sorted by source, dataset, regularizer, seed
 * @param throughput benchmark measurements from JMH files
 * @param problems   one line per file that could not be used (the report lists them)
 * @param notes      lines about files that were used but not entirely (e.g. fields of a newer schema minor
 *                   version set aside), each said once
 */
public record Inputs(List<LoadedRun> runs, List<ThroughputMeasurement> throughput, List<String> problems,
                     List<String> notes) {
}
