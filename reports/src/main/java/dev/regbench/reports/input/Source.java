package dev.regbench.reports.input;

import java.nio.file.Path;

/**
 * One {@code --results} input, with the label that names it in tables and plots.
 *
 * @param label     e.g. {@code mnist · CPU}; unique within a report
 * @param directory the directory given on the command line
 */
public record Source(String label, Path directory) {
}
