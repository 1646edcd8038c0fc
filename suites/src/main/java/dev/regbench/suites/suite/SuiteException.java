package dev.regbench.suites.suite;

import java.nio.file.Path;

/**
 * A suite file is unreadable or invalid. The message is one line: the file, the field (a path such as
 * {@code regularizers[2].lambda}) and the problem.
 */
public final class SuiteException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the suite file
     * @param field   the offending field's path, or empty for the whole file
     * @param problem what is wrong and, where useful, what is accepted
     */
    public SuiteException(Path file, String field, String problem) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
