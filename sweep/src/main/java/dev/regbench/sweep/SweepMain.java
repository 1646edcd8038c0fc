package dev.regbench.sweep;

import dev.regbench.reports.cli.Cli;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine;

/** {@code regbench sweep}'s entry point (scripts/regbench sweep, or the main class for spark-submit). */
public final class SweepMain {
    /** The system property naming the file that receives Spark's warnings and errors with their traces. */
    static final String SPARK_LOG_PROPERTY = "regbench.sparkLog";

    private SweepMain() {
    }

    /** @param args the sweep command's arguments */
    public static void main(String[] args) {
        System.exit(execute(new SweepCommand(), args));
    }

    /**
     * Sets up Spark's logging, before anything logs, then runs the command: on the terminal one line per message
     * and no traces (log4j2.properties), everything with traces in a file of the temporary directory that the
     * summary names; with {@code --debug} or {@code REGBENCH_DEBUG=1} traces on the terminal (log4j2-debug.properties).
     *
     * @param command the sweep command (tests pass one with injected faults)
     * @param args    its arguments
     * @return the exit code
     */
    static int execute(SweepCommand command, String... args) {
        if (System.getProperty("log4j2.configurationFile") == null && Cli.debugRequested(args)) {
            System.setProperty("log4j2.configurationFile", "log4j2-debug.properties");
        }
        if (System.getProperty(SPARK_LOG_PROPERTY) == null) {
            System.setProperty(SPARK_LOG_PROPERTY, Path.of(System.getProperty("java.io.tmpdir"), "regbench-sweep-"
                    + Instant.now().toString().replace(':', '-') + "-" + ProcessHandle.current().pid() + ".log")
                    .toString());
        }
        return Cli.execute(new CommandLine(command), args);
    }
}
