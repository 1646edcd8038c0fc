package dev.regbench.reports.stats;

import dev.regbench.reports.schema.TaskType;

/**
 * Whether two result sets of one suite — two implementations (DL4J's stock classes and regbench's tuned ones,
 * DL4J and the PyTorch reference), two backends or two machines — give the same headline numbers: one regularizer
 * in one data condition, the primary metric's means compared by an {@link Equivalence} test.
 *
 * @param suite       the suite's name
 * @param task        classification or regression
 * @param condition   the data condition, e.g. {@code 5,000 training examples}
 * @param regularizer the regularizer's name
 * @param metric      the metric compared: the primary one (test error or test MSE)
 * @param setA        the first result set's label (its section's)
 * @param summaryA    its values over seeds
 * @param setB        the second's
 * @param summaryB    its values
 * @param equivalence A − B against the margin
 */
public record Agreement(String suite, TaskType task, String condition, String regularizer, Metric metric, String setA,
                        Summary summaryA, String setB, Summary summaryB, Equivalence equivalence) {
}
