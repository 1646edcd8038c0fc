/**
 * JMH benchmarks of the training step, inference and ND4J's sgemm at the MLP's shapes, plus the harness's
 * overhead over a bare {@code fit} loop. Run them with {@code scripts/regbench jmh [JMH options]}; networks are
 * built exactly as the shipped suites ({@code suites/mnist.yaml}, {@code suites/polynomial.yaml}) define them.
 */
package dev.regbench.suites.bench;
