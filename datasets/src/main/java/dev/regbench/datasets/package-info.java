/**
 * Where examples come from: the IDX file format, verified MNIST and Fashion-MNIST files, the synthetic
 * polynomial regression task, and in-memory minibatch iteration over ND4J arrays.
 *
 * <p>Nothing here knows about networks or regularizers; {@code dev.regbench.suites} consumes these types.
 */
package dev.regbench.datasets;
