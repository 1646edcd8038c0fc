/**
 * Networks that are identical except for their regularization: the closed set of
 * {@link dev.regbench.suites.network.Regularizer}s, the base {@link dev.regbench.suites.network.NetworkSpec},
 * and the one {@link dev.regbench.suites.network.NetworkFactory} that builds every variant.
 */
package dev.regbench.suites.network;
