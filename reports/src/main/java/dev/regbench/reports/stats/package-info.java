/**
 * Statistics over seeds: per (source, dataset, regularizer) summaries with Student-t confidence intervals,
 * Welch comparisons of each regularizer against {@code none}, learning-curve bands, and the
 * {@link dev.regbench.reports.stats.ReportModel} every writer renders. Distributions come from Apache
 * Commons Math.
 */
package dev.regbench.reports.stats;
