/**
 * The training harness behind {@code regbench run}: prepares a suite's data once, trains every
 * (regularizer, seed) pair with the real DL4J loop, measures it in inference mode after epoch 0 and every
 * epoch, and writes one result file per run atomically into a locked, resumable output directory.
 */
package dev.regbench.suites.harness;
