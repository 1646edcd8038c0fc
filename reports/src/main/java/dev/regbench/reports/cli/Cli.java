package dev.regbench.reports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Runs a picocli command line so that a user never sees a stack trace: a failure that is not a user error
 * (those are reported in one line by the commands themselves) prints one line — what failed and where the full
 * trace was written — and exits with {@link #INTERNAL_ERROR}. With {@code --debug} anywhere on the command line
 * (it is taken out before the command's own options are parsed) or {@code REGBENCH_DEBUG=1} in the environment
 * the trace is printed instead.
 */
public final class Cli {
    /** Exit code of an internal error (a bug, or a failure of the JVM or the native libraries). */
    public static final int INTERNAL_ERROR = 3;
    /** The command-line flag that prints stack traces. */
    public static final String DEBUG_FLAG = "--debug";

    private Cli() {
    }

    /**
     * @param cli  the command line, with its out and err writers set
     * @param args the arguments
     * @return the exit code, without exiting
     */
    public static int execute(CommandLine cli, String... args) {
        boolean debug = debugRequested(args);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals(DEBUG_FLAG)).toArray(String[]::new);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(commandLine.getErr(), ex, debug));
        try {
            return cli.execute(rest);
        } catch (Throwable t) { // an Error (out of memory, a native library that failed to load) escapes picocli
            return internalError(cli.getErr(), t, debug);
        }
    }

    /**
     * @param args a command line
     * @return whether it asks for traces: {@value #DEBUG_FLAG} anywhere in it, or {@code REGBENCH_DEBUG=1}
     */
    public static boolean debugRequested(String... args) {
        return Arrays.asList(args).contains(DEBUG_FLAG) || "1".equals(System.getenv("REGBENCH_DEBUG"));
    }

    /**
     * Writes a throwable's stack trace to a new file in the temporary directory, for users to attach to a bug
     * report without showing it on their terminal.
     *
     * @param t what went wrong
     * @return {@code full trace in <file>}, or why the trace could not be written
     */
    public static String saveTrace(Throwable t) {
        try {
            Path file = Files.createTempFile("regbench-error-" + Instant.now().toString().replace(':', '-') + "-", ".log");
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
            return "full trace in " + file;
        } catch (IOException | RuntimeException e) {
            return "the trace could not be written (" + e.getMessage() + ")";
        }
    }

    private static int internalError(PrintWriter err, Throwable t, boolean debug) {
        if (debug) {
            t.printStackTrace(err);
            err.flush();
            return INTERNAL_ERROR;
        }
        String where = saveTrace(t);
        String message = t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
        err.println(String.format(Locale.ROOT, "regbench: internal error, %s%s (%s; run again with %s or "
                + "REGBENCH_DEBUG=1 to print it)", t.getClass().getSimpleName(), message, where, DEBUG_FLAG));
        err.flush();
        return INTERNAL_ERROR;
    }
}
