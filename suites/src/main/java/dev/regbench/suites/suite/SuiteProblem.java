package dev.regbench.suites.suite;

/**
 * One problem of a suite file.
 *
 * @param field   the offending field's path, e.g. {@code regularizers[2].lambda}, or empty for the whole file
 * @param problem what is wrong and, where useful, what is accepted
 */
public record SuiteProblem(String field, String problem) {
    /** @return {@code field: problem}, or the problem alone */
    public String describe() {
        return field.isEmpty() ? problem : field + ": " + problem;
    }
}
