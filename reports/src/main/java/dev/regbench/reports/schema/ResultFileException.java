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
        this(String.valueOf(file), problem);
    }

    /**
     * @param location where the file is, e.g. a Hadoop URI
     * @param problem  what is wrong, without the file name
     */
    public ResultFileException(String location, String problem) {
        super(location + ": " + problem.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }
}
