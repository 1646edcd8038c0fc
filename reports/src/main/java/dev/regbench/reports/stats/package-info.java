/**
 * Statistics over seeds: sections keyed on the runs' configuration, one {@link dev.regbench.reports.stats.Condition}
 * per training-set size with its headline summaries (Student-t confidence intervals), paired comparisons of each
 * regularizer against {@code none} with Holm's adjustment ({@link dev.regbench.reports.stats.Comparison}),
 * regularization paths over the tuning runs, learning-curve bands, and the
 * {@link dev.regbench.reports.stats.ReportModel} every writer renders. Distributions come from Apache Commons
 * Math.
 */
package dev.regbench.reports.stats;
