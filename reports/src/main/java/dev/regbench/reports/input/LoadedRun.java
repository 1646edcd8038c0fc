package dev.regbench.reports.input;

import dev.regbench.reports.schema.RunResult;
import java.nio.file.Path;

/**
 * One result file as read.
 *
 * @param source the input it came from (a {@code --results} directory)
 * @param file   the file
 * @param result its content
 */
public record LoadedRun(Source source, Path file, RunResult result) {
}
