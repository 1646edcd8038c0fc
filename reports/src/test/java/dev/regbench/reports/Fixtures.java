package dev.regbench.reports;

import dev.regbench.reports.input.InputException;
import dev.regbench.reports.input.Inputs;
import dev.regbench.reports.input.ResultLoader;
import dev.regbench.reports.stats.ReportBuilder;
import dev.regbench.reports.stats.ReportModel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checked-in result files of real (short) runs: {@code mnist-quick} (4 regularizers × 3 seeds, 3 epochs, 1,000
 * images), {@code polynomial} (4 × 2 seeds, 40 epochs) and {@code unstable} (a too-large learning rate: 3 of 4
 * runs diverged).
 */
public final class Fixtures {
    /** Fixed timestamp so rendered files are reproducible. */
    public static final String GENERATED = "2026-01-01T00:00:00Z";

    private Fixtures() {
    }

    /** @return the directory of one fixture ({@code mnist-quick}, {@code polynomial}, {@code unstable}) */
    public static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the model of all three fixtures, as {@code regbench report} would build it */
    public static ReportModel model() throws InputException {
        Inputs inputs = ResultLoader.load(List.of(dir("mnist-quick"), dir("polynomial"), dir("unstable")), List.of());
        return ReportBuilder.build(inputs, GENERATED);
    }
}
