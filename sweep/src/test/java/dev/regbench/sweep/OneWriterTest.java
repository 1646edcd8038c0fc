package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.suites.cli.RegbenchCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code sweep} and {@code report --out} on one output directory at the same time, for real: while one
 * of them trains, the others are refused in one line naming the holder, write nothing there, and the holder's
 * results are complete and resumable afterwards.
 */
class OneWriterTest {
    @TempDir
    Path dir;

    @Test
    void aSweepAndAReportAreRefusedWhileARunWritesTheDirectory() throws Exception {
        Path out = dir.resolve("shared");
        CompletableFuture<SweepRuns.Output> run = CompletableFuture.supplyAsync(() -> SweepRuns.run("--suite",
                SweepRuns.suite().toString(), "--out", out.toString(), "--threads", "1"));
        awaitWriting(out, run::isDone); // run copies the suite file only once it holds the lock

        SweepRuns.Output sweep = SweepRuns.sweep(Set.of(), "--suite", SweepRuns.suite().toString(), "--out",
                out.toString(), "--master", "local[1]");
        assertEquals(1, sweep.exitCode(), sweep.toString());
        assertEquals(1, sweep.err().strip().lines().count(), sweep.toString());
        assertTrue(sweep.err().contains(out + " is in use by regbench run on host"), sweep.err());
        assertTrue(sweep.err().contains("pid " + ProcessHandle.current().pid()), "names the holder: " + sweep.err());

        SweepRuns.Output report = report(out, out);
        assertEquals(1, report.exitCode(), report.toString());
        assertTrue(report.err().strip().contains("is in use by regbench run"), report.err());
        assertFalse(Files.exists(out.resolve("report.md")), "the refused report wrote nothing");

        SweepRuns.Output finished = run.get(5, TimeUnit.MINUTES);
        assertEquals(0, finished.exitCode(), finished.toString());
        assertEquals(LocalSweepTest.RUNS, SweepRuns.results(out).size());
        SweepRuns.Output resumed = SweepRuns.sweep(Set.of(), "--suite", SweepRuns.suite().toString(), "--out",
                out.toString(), "--master", "local[1]");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("0 run(s) pending"), resumed.out());
        assertEquals(0, report(out, out).exitCode(), "a report may write there once nobody else does");
    }

    @Test
    void aRunIsRefusedWhileASweepWritesTheDirectory() throws Exception {
        Path out = dir.resolve("swept");
        CompletableFuture<SweepRuns.Output> sweep = CompletableFuture.supplyAsync(() -> SweepRuns.sweep(Set.of(),
                "--suite", SweepRuns.suite().toString(), "--out", out.toString(), "--master", "local[1]"));
        awaitWriting(out, sweep::isDone);

        SweepRuns.Output run = SweepRuns.run("--suite", SweepRuns.suite().toString(), "--out", out.toString(),
                "--threads", "1");
        assertEquals(RegbenchCli.USER_ERROR, run.exitCode(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), run.toString());
        assertTrue(run.err().contains(out + " is in use by regbench sweep on host"), run.err());

        SweepRuns.Output finished = sweep.get(5, TimeUnit.MINUTES);
        assertEquals(0, finished.exitCode(), finished.toString());
        assertEquals(LocalSweepTest.RUNS, SweepRuns.results(out).size(), "the sweep's results are all there");
    }

    /** Waits until a command holds {@code out}: its copy of the suite file appears after it took the lock. */
    private static void awaitWriting(Path out, Supplier<Boolean> ended) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(out.resolve("suite.yaml"))) {
            assertFalse(ended.get(), "the command ended before it wrote anything");
            assertTrue(System.nanoTime() < deadline, "the command did not start writing within 2 minutes");
            Thread.sleep(20);
        }
    }

    private static SweepRuns.Output report(Path results, Path out) {
        return SweepRuns.regbench("report", "--results", results.toString(), "--out", out.toString());
    }
}
