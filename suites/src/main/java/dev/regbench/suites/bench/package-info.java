/**
 * JMH benchmarks of the training step, inference and evaluation, ND4J's sgemm at the MLP's shapes and the
 * machine's FMA peak, plus the harness's overhead over a bare {@code fit} loop. Run them with
 * {@code scripts/regbench jmh [JMH options]}; networks are built exactly as the shipped suites
 * ({@code suites/mnist.yaml}, {@code suites/polynomial.yaml}) define them. {@link dev.regbench.suites.bench.SpeedRounds}
 * ({@code scripts/regbench speed}) runs the training step against PyTorch in interleaved rounds.
 */
package dev.regbench.suites.bench;
