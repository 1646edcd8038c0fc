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
 * Checked-in results of real (short) {@code regbench run}s, each directory with its suite file:
 * {@code two-stage} (real MNIST, a 784-64-10 MLP; L2 and dropout's hidden retain swept on 2 tuning seeds, the
 * chosen points on 3 evaluation seeds; with {@code selection.json}), {@code polynomial} (one stage, fixed settings,
 * 4 regularizers × 2 seeds), {@code unstable} (a too-large learning rate: 3 of 4 runs diverged) and
 * {@code exploratory} (a grid without a validation set), {@code sizes} (fixed settings at two training-set
 * sizes), {@code noise} (true vs 100 % random labels, schema 2.2: none, L2, dropout alone, 2 seeds) and
 * {@code reference} (schema 2.2's new kinds — l1-l2, weight-decay, max-norm, dropout-max-norm — tuned and
 * evaluated, with a made-up {@code reference:} block).
 */
public final class Fixtures {
    /** Fixed timestamp so rendered files are reproducible. */
    public static final String GENERATED = "2026-01-01T00:00:00Z";
    /** The fixture directories, in the order {@link #model()} reads them. */
    public static final List<String> ALL = List.of("two-stage", "polynomial", "unstable", "exploratory", "sizes",
            "noise", "reference");

    private Fixtures() {
    }

    /** @return the directory of one fixture */
    public static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the model of all fixtures, as {@code regbench report} would build it */
    public static ReportModel model() throws InputException {
        synchronized (Fixtures.class) {
            if (model == null) {
                model = freshModel();
            }
            return model;
        }
    }

    /** Built once per test JVM (tests only read it; building it takes seconds, and many tests need it). */
    private static ReportModel model;

    /**
     * @return the model of all fixtures built now, under the current default locale (for the tests of locale
     *         independence; others use the shared {@link #model()})
     */
    public static ReportModel freshModel() throws InputException {
        Inputs inputs = ResultLoader.load(ALL.stream().map(Fixtures::dir).toList(), List.of());
        return ReportBuilder.build(inputs, GENERATED);
    }
}
