package dev.regbench.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset file is missing, unreadable, truncated, corrupt or not the file it claims to be.
 *
 * <p>The message is one line a user can act on: the file, what is wrong, and how to fix it
 * (usually {@code scripts/fetch-data.sh <dataset>}).
 */
public final class DataFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file    the file concerned (named first in the message)
     * @param problem what is wrong and how to fix it, without the file name
     */
    public DataFileException(Path file, String problem) {
        super(file + ": " + problem.replaceAll("\\s*[\\r\\n]+\\s*", " "));
        this.file = file;
    }

    /** @return the file this error is about */
    public Path file() {
        return file;
    }
}
