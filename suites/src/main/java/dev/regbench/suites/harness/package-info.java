/**
 * The training harness behind {@code regbench run}: loads and splits a suite's data once
 * ({@link dev.regbench.suites.harness.SuiteData}: validation set, training pool, per-seed draws), plans its runs
 * stage by stage ({@link dev.regbench.suites.harness.RunPlan}), trains each grid point × seed with the real DL4J
 * loop and measures it in inference mode on the training subset, the validation set and the test set
 * ({@link dev.regbench.suites.harness.Trainer}), chooses each regularizer's point on validation metrics between
 * the stages ({@link dev.regbench.suites.harness.SuiteRunner}) and writes one result file per run atomically into
 * a locked, resumable output directory ({@link dev.regbench.suites.harness.LocalResultStore}).
 */
package dev.regbench.suites.harness;
