/**
 * What is trained and how: the runtime environment probe and thread settings; below it, suite files
 * ({@code suite}), regularizers and the identical-network factory ({@code network}), the training harness and
 * the selection between stages ({@code harness}), the command-line interface ({@code cli}) and the JMH
 * benchmarks ({@code bench}).
 */
package dev.regbench.suites;
