package dev.regbench.reports.render;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a report test runs (a browser, a LaTeX engine) that Maven does not fetch: CI installs it and sets
 * CI=true, which turns its absence into a failure; elsewhere the test is skipped without it.
 */
final class ExternalTool {
    private ExternalTool() {
    }

    /**
     * @param executable the program's path
     * @param packages   the Debian packages that install it
     */
    static void require(Path executable, String packages) {
        if (Files.isExecutable(executable)) {
            return;
        }
        String install = "apt-get install " + packages;
        if (System.getenv("CI") != null) {
            fail(executable + " not found: .ci/run installs it (" + install + ")");
        }
        Assumptions.abort(executable + " not installed (" + install + "); CI runs this test");
    }
}
