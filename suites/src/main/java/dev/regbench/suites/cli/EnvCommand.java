package dev.regbench.suites.cli;

import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.ThreadSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code regbench env}: prints the {@link dev.regbench.reports.schema.Environment} record results will carry. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Prints the ND4J backend, BLAS, threads, CPU, JVM and DL4J version in use.")
final class EnvCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ThreadSettings.apply(null); // the thread configuration a run uses
        spec.commandLine().getOut().println(EnvironmentProbe.current().describe());
        return 0;
    }
}
