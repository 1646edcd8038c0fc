package dev.regbench.reports.cli;

import dev.regbench.reports.OutputLock;
import dev.regbench.reports.input.InputException;
import dev.regbench.reports.input.Inputs;
import dev.regbench.reports.input.ResultLoader;
import dev.regbench.reports.render.ReportWriter;
import dev.regbench.reports.stats.EquivalenceMargins;
import dev.regbench.reports.stats.ReportBuilder;
import dev.regbench.reports.stats.ReportModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code regbench report}: reads result directories (and JMH JSON), writes {@code report.md},
 * {@code report.html}, {@code summary.csv}, {@code summary.json}, {@code table.tex} and {@code figures/}.
 * Takes the output directory's one-writer lock ({@link OutputLock}) while writing, so a report never writes into a
 * directory a run or sweep is writing. Needs no ND4J. Exit code 0 when the report was written (unusable input files are listed in it and on
 * stderr), 1 when there is nothing to report or the output cannot be written, 2 on bad options.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the generalization-gap report from regbench run results.",
                "Several --results directories (e.g. a CPU and a CUDA run) are compared side by side."})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--results", required = true, paramLabel = "DIR",
            description = "A regbench run --out directory (or a directory of result files); repeatable.")
    private List<Path> results;

    @Option(names = "--jmh", paramLabel = "FILE", description = "JMH JSON result file (-rf json); repeatable.")
    private List<Path> jmh = List.of();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report directory (created).")
    private Path out;

    @Option(names = "--equivalence-margin", paramLabel = "PP", defaultValue = "0.3",
            description = "With several result sets of one suite: the margin of their equivalence test on test error, "
                    + "in percentage points (default: ${DEFAULT-VALUE}).")
    private double marginPoints;

    @Option(names = "--equivalence-margin-mse", paramLabel = "X", defaultValue = "0.02",
            description = "The same for regression suites, on test MSE (default: ${DEFAULT-VALUE}).")
    private double marginMse;


    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EquivalenceMargins margins;
        try {
            margins = new EquivalenceMargins(marginPoints, marginMse);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--equivalence-margin and "
                    + "--equivalence-margin-mse must be finite numbers > 0, were " + marginPoints + " and " + marginMse);
        }
        OutputLock lock;
        try {
            Files.createDirectories(out);
            lock = OutputLock.take(out, "report"); // first: nothing is read for a report that cannot be written
        } catch (OutputLock.InUseException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot write the report to " + out + " (" + e.getMessage() + "); choose a writable --out");
            return 1;
        }
        try (lock) {
            return write(margins, stdout, err);
        }
    }

    /** Reads the results and writes the report, under the output's lock. */
    private int write(EquivalenceMargins margins, PrintWriter stdout, PrintWriter err) {
        Inputs inputs;
        try {
            inputs = ResultLoader.load(results, jmh);
        } catch (InputException e) {
            err.println(e.getMessage());
            return 1;
        }
        inputs.problems().forEach(p -> err.println("skipped: " + p));
        inputs.notes().forEach(n -> err.println("note: " + n));
        ReportModel model = ReportBuilder.build(inputs, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                margins);
        try {
            ReportWriter.write(model, out);
        } catch (IOException e) {
            err.println("cannot write the report to " + out + " (" + e.getMessage() + "); choose a writable --out");
            return 1;
        }
        stdout.printf("report: %d run(s) from %d director%s, %d section(s)%s -> %s%n", inputs.runs().size(),
                results.size(), results.size() == 1 ? "y" : "ies", model.sections().size(),
                inputs.problems().isEmpty() ? "" : ", " + inputs.problems().size() + " file(s) skipped",
                out.resolve("report.html"));
        stdout.flush();
        err.flush();
        return 0;
    }

    /**
     * Standalone entry point (the reports jar alone, no ND4J on the classpath).
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(Cli.execute(new CommandLine(new ReportCommand()), args));
    }
}
