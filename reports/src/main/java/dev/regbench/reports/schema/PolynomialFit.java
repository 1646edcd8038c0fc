package dev.regbench.reports.schema;

import java.util.List;

/**
 * A regression network's prediction over [-1, 1] at the end of a run, for the overfitting figure.
 *
 * @param x          evenly spaced inputs from -1 to 1
 * @param prediction the network's output at each x
 */
public record PolynomialFit(List<Double> x, List<Double> prediction) {
}
