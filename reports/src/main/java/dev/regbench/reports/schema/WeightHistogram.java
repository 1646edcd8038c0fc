package dev.regbench.reports.schema;

import java.util.List;

/**
 * Histogram of log10|w| over all weights (biases excluded) at the end of a run: L1's spike at zero and L2's
 * shrinkage show here.
 *
 * @param log10Min lower edge of the first bin (weights with |w| below 10^log10Min count as {@code belowMin})
 * @param log10Max upper edge of the last bin (larger weights fall in the last bin)
 * @param belowMin weights with |w| &lt; 10^log10Min (including exact zeros)
 * @param counts   weights per bin; bins are equal-width in log10|w|
 * @param total    all weights counted
 */
public record WeightHistogram(double log10Min, double log10Max, long belowMin, List<Long> counts, long total) {
}
