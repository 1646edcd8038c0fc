package dev.regbench.suites.harness;

import dev.regbench.datasets.Examples;
import dev.regbench.datasets.PolynomialTask;
import dev.regbench.reports.schema.DatasetInfo;
import dev.regbench.reports.schema.TaskType;

/**
 * A suite's data, prepared once and shared by all its runs.
 *
 * @param type       classification or regression
 * @param train      the examples trained on
 * @param evalTrain  the fixed subset of {@code train} evaluated each epoch (as large as the test set, or all)
 * @param test       the test set
 * @param info       what is recorded about the data in every result
 * @param polynomial the generated task (regression), else null
 */
public record TaskData(TaskType type, Examples train, Examples evalTrain, Examples test, DatasetInfo info,
                       PolynomialTask polynomial) {
}
