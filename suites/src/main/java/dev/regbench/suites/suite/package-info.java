/**
 * Suite files: the YAML experiment definitions under {@code suites/}, parsed by
 * {@link dev.regbench.suites.suite.SuiteParser} into the validated, immutable
 * {@link dev.regbench.suites.suite.Suite} record before anything is trained. Every key is documented in
 * {@code suites/README.md}.
 */
package dev.regbench.suites.suite;
