package dev.regbench.suites.cli;

import dev.regbench.reports.cli.Cli;
import dev.regbench.reports.cli.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code regbench}: the command-line entry point. Subcommands: {@code run}, {@code report}, {@code data verify}, {@code env}.
 *
 * <p>Exit codes: 0 success, 1 a user-fixable problem (bad or missing data, …) reported in one line,
 * 2 bad command-line usage, 3 an internal error (one line saying where the trace was written; {@code --debug} or
 * {@code REGBENCH_DEBUG=1} prints it).
 */
@Command(name = "regbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmarks how none, L1, L2 and dropout+L2 regularization close the generalization gap "
                + "of otherwise identical Deeplearning4j networks.",
        footer = {"", "Exit codes: 0 done, 1 a problem you can fix (one line naming the file or field), 2 bad "
                + "options, 3 an internal error (one line saying where the trace went; --debug anywhere on the "
                + "command line, or REGBENCH_DEBUG=1, prints it)."},
        subcommands = {RunCommand.class, ReportCommand.class, DataCommand.class, EnvCommand.class, SpeedCommand.class,
                CompareBuildsCommand.class, CommandLine.HelpCommand.class})
public final class RegbenchCli implements Runnable {
    /** Exit code for a problem the user can fix (bad data, bad suite, unwritable output). */
    public static final int USER_ERROR = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;


    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /**
     * @param args command-line arguments
     * @return the exit code, without exiting (for tests and embedding)
     */
    public static int execute(String... args) {
        return Cli.execute(new CommandLine(new RegbenchCli()), args);
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
