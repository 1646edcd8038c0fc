package dev.regbench.suites.harness;

import dev.regbench.datasets.Examples;
import dev.regbench.datasets.PolynomialTask;
import dev.regbench.reports.schema.DatasetInfo;
import dev.regbench.reports.schema.TaskType;

/**
 * The data of one run: its training examples and the three evaluation sets. Validation and test examples are
 * the same for every run of a suite; the training examples depend on the training-set size and, with a
 * per-seed draw, on the run seed.
 *
 * @param type       classification or regression
 * @param train      the examples trained on
 * @param evalTrain  the fixed subset of {@code train} evaluated each epoch (as large as the test set, or all)
 * @param validation the validation set; null if the suite has none
 * @param test       the test set
 * @param info       what is recorded about the data in the run's result
 * @param polynomial the generated task (regression), else null
 */
public record TaskData(TaskType type, Examples train, Examples evalTrain, Examples validation, Examples test,
                       DatasetInfo info, PolynomialTask polynomial) {
}
