package dev.regbench.reports.schema;

import java.util.List;

/**
 * Examples per class in each split of a classification run, indexed by class label. The training subset and
 * the validation set are class-balanced (counts differ by at most one while every class has examples left);
 * the published test set is not, and its counts say by how much.
 *
 * @param train      the run's training examples
 * @param validation the validation set (empty list if there is none)
 * @param test       the test set
 */
public record ClassCounts(List<Integer> train, List<Integer> validation, List<Integer> test) {
}
