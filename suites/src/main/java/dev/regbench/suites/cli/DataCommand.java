package dev.regbench.suites.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code regbench data}: dataset housekeeping. */
@Command(name = "data", description = "Dataset housekeeping.", mixinStandardHelpOptions = true,
        subcommands = {DataVerifyCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: regbench data verify)");
    }
}
