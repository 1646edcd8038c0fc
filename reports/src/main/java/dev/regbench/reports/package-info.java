/**
 * From result files to a report: statistics, plots and the Markdown/HTML/CSV/JSON/LaTeX writers.
 * Reads only the run JSON files written by {@code regbench run}; has no ND4J dependency, so a report can be
 * rendered on a machine that never trained anything.
 */
package dev.regbench.reports;
