/**
 * Suite files: the YAML experiment definitions under {@code suites/}, parsed by
 * {@link dev.regbench.suites.suite.SuiteParser} into the validated, immutable
 * {@link dev.regbench.suites.suite.Suite} record before anything is trained — with every problem of a file
 * reported at once. A suite's regularizers are {@link dev.regbench.suites.suite.Variant}s whose parameters may be
 * swept ({@link dev.regbench.suites.suite.Sweep}) into grid {@link dev.regbench.suites.suite.Point}s; its seeds run
 * in one stage or two ({@link dev.regbench.suites.suite.SeedPlan}). Every key is documented in
 * {@code suites/README.md}.
 */
package dev.regbench.suites.suite;
