package dev.regbench.suites.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * A suite file is unreadable or invalid. The message has one line per problem: the file, the field (a path such
 * as {@code regularizers[2].lambda}) and the problem. A file's problems are all reported at once.
 */
public final class SuiteException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One line per problem, each starting with the file. */
    private final List<String> lines;

    /**
     * @param file    the suite file
     * @param field   the offending field's path, or empty for the whole file
     * @param problem what is wrong and, where useful, what is accepted
     */
    public SuiteException(Path file, String field, String problem) {
        this(file, List.of(new SuiteProblem(field, problem)));
    }

    /**
     * @param file     the suite file
     * @param problems every problem found, at least one
     */
    public SuiteException(Path file, List<SuiteProblem> problems) {
        this(problems.stream().map(p -> oneLine(file + ": " + p.describe())).toList());
    }

    /** Line breaks inside a value the file gave (e.g. a multi-line string) are shown as {@code \n}. */
    private static String oneLine(String s) {
        return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private SuiteException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    /** @return one line per problem, each naming the file and the field */
    public List<String> lines() {
        return lines;
    }

    /**
     * @param all exceptions raised while parsing one file
     * @return one exception holding all their lines
     */
    public static SuiteException combine(List<SuiteException> all) {
        return new SuiteException(all.stream().flatMap(e -> e.lines().stream()).toList());
    }
}
