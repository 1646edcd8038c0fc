package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user's terminal shows when runs of a local sweep fail: {@code regbench sweep} as a process of its own,
 * its real stdout and stderr. Spark's own logging (configured before anything logs, by {@link SweepMain}) and the
 * tasks' failures print one line each; every trace goes to a file that the output names.
 */
class SweepTerminalTest {
    /** A line of a Java stack trace, in any of the forms the JVM and log4j print. */
    private static final Pattern TRACE_LINE = Pattern.compile("(?m)^(\\s+at |\\s*Caused by: |\\s+\\.\\.\\. \\d+ more"
            + "|Exception in thread )");

    @TempDir
    Path dir;

    @Test
    void failingTasksPrintOneLineEachAndTheirTracesGoToFilesTheOutputNames() throws Exception {
        Path out = dir.resolve("out");
        // local[1] runs the tasks in order: a task that throws (caught: the run is listed as failed), then one whose
        // error escapes to Spark, which logs it with its trace and aborts the stage.
        SweepProcess sweep = SweepProcess.start(dir, Map.of("regbench.test.faults",
                        "tune/none-seed1.json," + SweepSpec.UNCAUGHT + "tune/l2-lambda=0.01-seed1.json"),
                "--suite", SweepRuns.suite().toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(1, sweep.await(300), sweep.toString());
        String terminal = sweep.out() + sweep.err();
        assertTrue(!TRACE_LINE.matcher(terminal).find(), "no stack trace on the terminal:\n" + sweep);
        assertTrue(sweep.err().contains("FAILED:"), sweep.toString());
        assertTrue(sweep.err().contains("Spark aborted the stage"), sweep.toString());
        assertTrue(Files.readString(out.resolve(SweepCommand.FAILED_FILE)).contains("fault injected by a test"));

        // The caught failure's trace: its own file, named on its line.
        Matcher task = Pattern.compile("tune/none-seed1\\.json failed: .*\\(full trace in (\\S+)\\)").matcher(sweep.err());
        assertTrue(task.find(), sweep.toString());
        assertTrue(Files.readString(Path.of(task.group(1))).contains("\tat dev.regbench.sweep.SweepTask.call"),
                "the task's trace is in the file its line names");
        // Spark's log of the escaped error: one line on the terminal, the trace in the log the summary names.
        Matcher log = Pattern.compile("(?m)^Spark's warnings and errors, with their traces: (\\S+)$").matcher(sweep.err());
        assertTrue(log.find(), sweep.toString());
        String sparkLog = Files.readString(Path.of(log.group(1)));
        assertTrue(sparkLog.contains("AssertionError: fault injected by a test, not caught")
                && TRACE_LINE.matcher(sparkLog).find(), sparkLog);
        assertTrue(sweep.err().lines().anyMatch(l -> l.contains(" ERROR ") && l.contains("AssertionError")),
                "Spark's error is on the terminal as one line:\n" + sweep);
    }

    @Test
    void withDebugSparksTracesReachTheTerminal() throws Exception {
        SweepProcess sweep = SweepProcess.start(dir, Map.of("regbench.test.faults", SweepSpec.UNCAUGHT
                        + "tune/none-seed1.json"), "--suite", SweepRuns.suite().toString(), "--out",
                dir.resolve("debug").toString(), "--master", "local[1]", "--debug");
        assertEquals(1, sweep.await(300), sweep.toString());
        assertTrue(TRACE_LINE.matcher(sweep.err()).find(), "--debug prints Spark's traces:\n" + sweep);
    }
}
