package dev.regbench.suites.cli;

import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteException;
import dev.regbench.suites.suite.SuiteParser;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that say which suite and which of its runs: the suite file and the overrides of its seeds,
 * regularizers, epochs and training-set size. Shared by {@code regbench run} and {@code regbench sweep}, so the
 * two accept the same suite the same way.
 */
public final class SuiteOptions {
    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "Suite file, e.g. suites/mnist-quick.yaml.")
    private Path suiteFile;

    @Option(names = "--seeds", split = ",", paramLabel = "K", description = "Single-stage suites: run these seeds "
            + "instead of the suite's, e.g. 1,2.")
    private List<Long> seeds;

    @Option(names = "--tune-seeds", split = ",", paramLabel = "K", description = "Two-stage suites: tuning seeds "
            + "instead of the suite's.")
    private List<Long> tuneSeeds;

    @Option(names = "--eval-seeds", split = ",", paramLabel = "K", description = "Two-stage suites: evaluation seeds "
            + "instead of the suite's (must not overlap the tuning seeds).")
    private List<Long> evalSeeds;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Only these regularizers (suite names), e.g. l2,none.")
    private List<String> only;

    @Option(names = "--epochs", paramLabel = "N", description = "Override the suite's epochs.")
    private Integer epochs;

    @Option(names = "--train-size", paramLabel = "N", description = "Override the suite's trainSize (image datasets).")
    private Integer trainSize;

    /** @return the suite file as given */
    public Path suiteFile() {
        return suiteFile;
    }

    /** @return the overrides given on the command line (null fields: none) */
    public Suite.Overrides overrides() {
        return new Suite.Overrides(epochs, trainSize, seeds, tuneSeeds, evalSeeds, only);
    }

    /**
     * A suite file read once: the suite parsed from exactly these bytes.
     *
     * @param suite the parsed suite with the overrides applied
     * @param bytes the file's content (copied beside the results, shipped to executors)
     */
    public record Loaded(Suite suite, byte[] bytes) {
    }

    /**
     * @param commandLine for option errors
     * @return the suite file's content and the suite parsed from it with the overrides applied
     * @throws SuiteException                  if the suite file is bad (one line per problem)
     * @throws CommandLine.ParameterException if an override does not fit the suite
     */
    public Loaded load(CommandLine commandLine) throws SuiteException {
        byte[] bytes = SuiteParser.read(suiteFile);
        Suite suite = SuiteParser.parse(suiteFile, bytes);
        try {
            return new Loaded(suite.withOverrides(overrides()), bytes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
