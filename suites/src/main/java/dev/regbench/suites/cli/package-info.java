/**
 * The {@code regbench} command line (picocli): parses options, calls into the library, prints one-line
 * errors and turns outcomes into exit codes. Only {@link dev.regbench.suites.cli.RegbenchCli#main} exits the JVM.
 */
package dev.regbench.suites.cli;
