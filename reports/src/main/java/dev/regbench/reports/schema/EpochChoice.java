package dev.regbench.reports.schema;

/**
 * The epoch of a run whose metrics count, chosen on the run's own validation curve by the suite's rule.
 *
 * @param rule     final, best or patience
 * @param metric   the validation metric it minimizes
 * @param patience epochs without improvement before stopping ({@code patience} rule only), ≥ 1
 * @param epoch    the chosen epoch, in [0, epochs]
 */
public record EpochChoice(EpochRule rule, SelectionMetric metric, Integer patience, int epoch) {
}
