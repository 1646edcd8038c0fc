package dev.regbench.reports.schema;

import java.util.List;

/**
 * The suite file a run came from.
 *
 * @param name            the suite's {@code name}
 * @param file            the suite file as given on the command line
 * @param sha256          SHA-256 of the suite file's bytes
 * @param effectiveSha256 SHA-256 of the validated suite after command-line overrides: two runs with the same
 *                        value were configured identically (resume compares this)
 * @param overrides       command-line overrides applied, e.g. {@code epochs=2}; empty if none
 */
public record SuiteRef(String name, String file, String sha256, String effectiveSha256, List<String> overrides) {
}
