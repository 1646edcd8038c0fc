/**
 * What is trained and how: the runtime {@link dev.regbench.suites.Environment}, the command-line interface,
 * and (as later issues land) regularizers, the identical-network factory, suite files, the harness and the
 * JMH benchmarks.
 */
package dev.regbench.suites;
