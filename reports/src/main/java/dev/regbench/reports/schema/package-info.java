/**
 * The run-result file format: the contract between {@code regbench run} (module suites), which writes one
 * {@link dev.regbench.reports.schema.RunResult} per regularizer and seed, and {@code regbench report}, which
 * reads nothing else. Versioned by {@link dev.regbench.reports.schema.RunResult#SCHEMA_VERSION}; documented
 * in {@code reports/SCHEMA.md}. Pure data and JSON I/O: no ND4J here.
 */
package dev.regbench.reports.schema;
