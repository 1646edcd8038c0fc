/**
 * {@code regbench sweep}: a suite's runs as Apache Spark tasks. The driver keeps the protocol of
 * {@code regbench run} ({@link dev.regbench.suites.harness.SuiteRunner}: grid, resume, tuning, selection on
 * validation, evaluation); {@link dev.regbench.sweep.SparkRunExecutor} turns each stage's pending runs into one
 * task each. Tasks carry only {@link dev.regbench.sweep.TaskKey}s and the small {@link dev.regbench.sweep.SweepSpec};
 * each executor JVM loads the suite's data once ({@link dev.regbench.sweep.ExecutorContext}) and writes each
 * result exactly once through Hadoop's FileSystem API ({@link dev.regbench.sweep.HadoopResultStore}).
 */
package dev.regbench.sweep;
