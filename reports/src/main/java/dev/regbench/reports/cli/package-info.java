/** {@code regbench report}: the command that turns result directories into a report directory. */
package dev.regbench.reports.cli;
