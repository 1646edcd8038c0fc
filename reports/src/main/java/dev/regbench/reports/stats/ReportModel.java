package dev.regbench.reports.stats;

import dev.regbench.reports.input.ThroughputMeasurement;
import java.util.List;
import java.util.Optional;

/**
 * The complete, computed content of a report; every writer renders this and nothing else.
 *
 * @param sections   one per experiment (results directory × configuration)
 * @param throughput JMH measurements, if any were given
 * @param agreements equivalence tests between result sets of one suite (several --results of one suite)
 * @param ranks      the regularizers' average ranks over every condition of the report, with Friedman's test and
 *                   the Nemenyi critical difference; present when three or more conditions share at least two
 *                   regularizers
 * @param problems   input files that could not be used, one line each
 * @param notes      remarks about input files that were used (e.g. newer fields ignored), one line each
 * @param generated  when the report was computed (ISO-8601 UTC; fixed in tests for golden files)
 */
public record ReportModel(List<Section> sections, List<ThroughputMeasurement> throughput, List<Agreement> agreements,
                          Optional<RankComparison> ranks, List<String> problems, List<String> notes,
                          String generated) {
}
