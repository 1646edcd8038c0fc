package dev.regbench.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** An internal error is one line naming where the trace went; --debug prints the trace instead. */
class CliTest {
    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        @CommandLine.Parameters(defaultValue = "exception")
        String what;

        @Override
        public Integer call() {
            if (what.equals("error")) {
                throw new StackOverflowError("deep");
            }
            throw new IllegalStateException("boom\nsecond line");
        }
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Failing());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int code = Cli.execute(cli, args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @ParameterizedTest
    @ValueSource(strings = {"exception", "error"})
    void oneLineAndTheTraceInAFile(String what) throws Exception {
        String[] r = run(what);
        assertEquals(Integer.toString(Cli.INTERNAL_ERROR), r[0]);
        List<String> lines = r[1].lines().toList();
        assertEquals(1, lines.size(), r[1]);
        assertTrue(lines.get(0).startsWith("regbench: internal error, "
                + (what.equals("error") ? "StackOverflowError: deep" : "IllegalStateException: boom (")), lines.get(0));
        Matcher m = Pattern.compile("full trace in (\\S+\\.log);").matcher(lines.get(0));
        assertTrue(m.find(), lines.get(0));
        Path trace = Path.of(m.group(1));
        assertTrue(Files.readString(trace).contains("at dev.regbench.reports.cli.CliTest$Failing.call"));
        Files.delete(trace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exception", "error"})
    void debugPrintsTheTrace(String what) {
        String[] r = run("--debug", what);
        assertEquals(Integer.toString(Cli.INTERNAL_ERROR), r[0]);
        assertTrue(r[1].lines().count() > 3 && r[1].contains("at dev.regbench.reports.cli.CliTest$Failing.call"), r[1]);
    }
}
