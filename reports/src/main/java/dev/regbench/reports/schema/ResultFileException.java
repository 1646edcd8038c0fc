package dev.regbench.reports.schema;

import java.io.IOException;
import java.nio.file.Path;

/** A result file cannot be read or violates the schema; the message is one line naming the file. */
public final class ResultFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the file
     * @param problem what is wrong, without the file name
     */
    public ResultFileException(Path file, String problem) {
        super(file + ": " + problem.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }
}
