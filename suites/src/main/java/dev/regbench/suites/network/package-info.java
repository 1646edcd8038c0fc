/**
 * Networks that are identical except for their regularization: the closed set of
 * {@link dev.regbench.suites.network.Regularizer}s, the base {@link dev.regbench.suites.network.NetworkSpec},
 * and the one {@link dev.regbench.suites.network.NetworkFactory} that builds every variant. Also the drop-in
 * DL4J classes of the {@linkplain dev.regbench.suites.network.Implementation#TUNED tuned} implementation
 * ({@link dev.regbench.suites.network.ReusingDenseLayer}, {@link dev.regbench.suites.network.ReusingOutputLayer},
 * {@link dev.regbench.suites.network.UniformMaskDropout}, {@link dev.regbench.suites.network.L1Penalty},
 * {@link dev.regbench.suites.network.L2Penalty}, and the network with its fused parameter update, built by the
 * factory), which train as DL4J's stock ones do (up to float rounding) with less work per step.
 */
package dev.regbench.suites.network;
