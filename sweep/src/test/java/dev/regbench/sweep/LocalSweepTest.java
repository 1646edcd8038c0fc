package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.schema.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regbench sweep} on Spark's local master, in this JVM, on the real training loop: identical results
 * with one or two concurrent tasks and under {@code regbench run}, resume, failed runs, and the report's view.
 */
class LocalSweepTest {
    static final int RUNS = 4 * 2 + 3 * 2; // tune: 4 points x 2 seeds; eval: 3 regularizers x 2 seeds

    @TempDir
    Path dir;

    private SweepRuns.Output sweep(Path out, String master, String... extra) {
        String[] base = {"--suite", SweepRuns.suite().toString(), "--out", out.toString(), "--master", master};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return SweepRuns.sweep(Set.of(), all);
    }

    @Test
    void oneOrTwoConcurrentTasksAndRegbenchRunGiveBitIdenticalResults() throws Exception {
        Path one = dir.resolve("local1");
        Path two = dir.resolve("local2");
        Path sequential = dir.resolve("run");
        SweepRuns.Output a = sweep(one, "local[1]");
        assertEquals(0, a.exitCode(), a.toString());
        SweepRuns.Output b = sweep(two, "local[2]");
        assertEquals(0, b.exitCode(), b.toString());
        SweepRuns.Output c = SweepRuns.run("--suite", SweepRuns.suite().toString(), "--out", sequential.toString(),
                "--threads", "1");
        assertEquals(0, c.exitCode(), c.toString());

        Map<String, RunResult> results = SweepRuns.results(two);
        assertEquals(RUNS, results.size(), results.keySet().toString());
        SweepRuns.assertSameParameters(one, two);
        SweepRuns.assertSameParameters(sequential, two);
        assertArrayEquals(Files.readAllBytes(sequential.resolve("selection.json")),
                Files.readAllBytes(two.resolve("selection.json")), "the same choices");
        for (RunResult r : results.values()) {
            assertEquals(1, r.environment().ompThreads(), "every result records its threads");
            assertEquals(1, r.environment().blasThreads());
        }
        // Two tasks ran at once in one JVM: the second sweep's runs overlap in time.
        assertTrue(overlapping(results), "local[2] ran runs concurrently");
        // The report reads a sweep's output like any other results directory.
        int report = dev.regbench.suites.cli.RegbenchCli.execute("report", "--results", two.toString(), "--out",
                dir.resolve("report").toString());
        assertEquals(0, report);
        assertTrue(Files.exists(dir.resolve("report/report.md")));
    }

    private static boolean overlapping(Map<String, RunResult> results) {
        var runs = results.values().stream().sorted(java.util.Comparator.comparing(RunResult::startedAt)).toList();
        for (int i = 1; i < runs.size(); i++) {
            if (runs.get(i).startedAt().compareTo(runs.get(i - 1).finishedAt()) < 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void resumeSkipsFinishedRunsAndRetrainsMissingOnes() throws Exception {
        Path out = dir.resolve("resume");
        assertEquals(0, sweep(out, "local[2]").exitCode());
        Path kept = out.resolve("runs/tune/none-seed1.json");
        byte[] keptBytes = Files.readAllBytes(kept);
        Files.delete(out.resolve("runs/eval/none-seed102.json"));
        Files.writeString(out.resolve("runs/eval/none-seed101.json.partial-1-2"), "{\"schema"); // a killed attempt

        SweepRuns.Output again = sweep(out, "local[2]");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("done: 1 run(s) trained, " + (RUNS - 1) + " already finished"), again.out());
        assertArrayEquals(keptBytes, Files.readAllBytes(kept), "finished results are not rewritten");
        assertFalse(Files.exists(out.resolve("runs/eval/none-seed101.json.partial-1-2")), "stale partials removed");
        assertEquals(RUNS, SweepRuns.results(out).size());
    }

    @Test
    void aFailingRunIsListedTheOthersFinishAndARerunRetriesIt() throws Exception {
        Path out = dir.resolve("faults");
        String failing = "eval/none-seed101.json";
        SweepRuns.Output failed = SweepRuns.sweep(Set.of(failing), "--suite", SweepRuns.suite().toString(),
                "--out", out.toString(), "--master", "local[2]");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("FAILED: 1 run(s)"), failed.err());
        assertTrue(failed.err().contains("eval none seed 101: fault injected by a test"), failed.err());
        assertEquals(1, failed.err().lines().filter(l -> l.startsWith("  ")).count(), "one line per failed run");
        // err holds the process's stderr too (the task's own line included): no trace reaches the terminal.
        assertTrue(failed.err().contains("regbench sweep: eval/none-seed101.json failed: fault injected by a test "
                + "(full trace in "), failed.err());
        assertFalse(failed.err().contains("\tat "), "no stack trace for users");
        assertEquals(RUNS - 1, SweepRuns.results(out).size(), "every other run finished");
        assertTrue(Files.readString(out.resolve(SweepCommand.FAILED_FILE)).contains("fault injected"));

        SweepRuns.Output rerun = sweep(out, "local[2]");
        assertEquals(0, rerun.exitCode(), rerun.toString());
        assertTrue(rerun.out().contains("done: 1 run(s) trained"), rerun.out());
        assertEquals(RUNS, SweepRuns.results(out).size());
        assertFalse(Files.exists(out.resolve(SweepCommand.FAILED_FILE)), "no failures left");
    }

    @Test
    void aJobSparkAbortsKeepsEveryWrittenResultAndListsTheRest() throws Exception {
        Path out = dir.resolve("abort");
        // local[1]: tasks run one after another and Spark gives up on the first task failure (local masters
        // do not retry), so the runs before the failing one are written and the ones after it never start.
        SweepRuns.Output aborted = SweepRuns.sweep(Set.of(SweepSpec.UNCAUGHT + "tune/l2-lambda=0.01-seed1.json"),
                "--suite", SweepRuns.suite().toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(1, aborted.exitCode(), aborted.toString());
        Map<String, RunResult> kept = SweepRuns.results(out);
        assertTrue(kept.size() >= 1 && kept.size() < 8, kept.keySet().toString());
        assertTrue(aborted.err().contains("Spark aborted the stage"), aborted.err());
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("FAILED: (\\d+) run\\(s\\)")
                .matcher(aborted.err());
        assertTrue(listed.find(), aborted.err());
        assertEquals(8 - kept.size(), Integer.parseInt(listed.group(1)),
                "every run without a result is listed, and only those");
        assertEquals(1, aborted.err().lines().filter(l -> l.contains("Spark aborted")).count(),
                "runs with one message share one line: " + aborted.err());
        assertFalse(aborted.err().contains("\tat "), "no stack trace for users");

        // A task still running when Spark aborted the job may finish afterwards: its result is written once,
        // like any other, and the rerun skips it.
        SweepRuns.Output rerun = sweep(out, "local[2]");
        assertEquals(0, rerun.exitCode(), rerun.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("done: (\\d+) run\\(s\\) trained, (\\d+) already "
                + "finished").matcher(rerun.out());
        assertTrue(m.find(), rerun.out());
        assertEquals(RUNS, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)));
        assertTrue(Integer.parseInt(m.group(2)) >= kept.size(), "nothing written before the abort is trained again");
        assertEquals(RUNS, SweepRuns.results(out).size());
    }

    @Test
    void aFailedTuningRunStopsTheSweepBeforeTheSelection() throws Exception {
        Path out = dir.resolve("tune-fault");
        SweepRuns.Output failed = SweepRuns.sweep(Set.of("tune/l2-lambda=0.01-seed2.json"), "--suite",
                SweepRuns.suite().toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertFalse(Files.exists(out.resolve("selection.json")), "no choice on an incomplete grid");
        assertFalse(Files.exists(out.resolve("runs/eval")), "no evaluation without a selection");
        assertEquals(7, SweepRuns.results(out).size());
    }

    @Test
    void aSecondSweepOnTheSameOutputIsRefusedWithOneLine() throws Exception {
        Path out = dir.resolve("locked");
        try (HadoopResultStore other = HadoopResultStore.open(out.toString(), new org.apache.hadoop.conf.Configuration());
             SweepLock held = SweepLock.acquire(other)) {
            SweepRuns.Output refused = sweep(out, "local[1]");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.err().contains("is in use by regbench sweep on host"), refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
        }
        assertFalse(Files.exists(out.resolve("runs").resolve("tune")), "the refused sweep trained nothing");
    }
}
