package dev.regbench.reports.input;

import java.nio.file.Path;

/**
 * One {@code --results} input.
 *
 * @param directory the directory given on the command line
 */
public record Source(Path directory) {
}
