package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.schema.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real Spark standalone cluster on 127.0.0.1 (Master, Worker and two executor JVMs), with one
 * executor killed while it trains: Spark retries its task, and the output is complete with every result exactly
 * once and bit-identical to {@code regbench run} in this JVM.
 */
class StandaloneClusterTest {
    private static final int RUNS = 14;

    @TempDir
    Path dir;

    @Test
    void killingAnExecutorMidSweepLosesNothingAndDuplicatesNothing() throws Exception {
        Path out = dir.resolve("sweep");
        Path baseline = dir.resolve("baseline");
        try (StandaloneCluster cluster = new StandaloneCluster(dir.resolve("cluster"), 2, "4g")) {
            CompletableFuture<SweepRuns.Output> sweep = CompletableFuture.supplyAsync(() -> SweepRuns.sweep(Set.of(),
                    "--suite", SweepRuns.suite().toString(), "--epochs", "600", "--out", out.toString(),
                    "--master", cluster.masterUrl(),
                    "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
                    "--conf", "spark.executor.memory=1g",
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.executor.extraClassPath=" + cluster.classpath()));

            // Wait until the tuning stage is under way on both executors, then kill one of them.
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            List<ProcessHandle> executors = List.of();
            while (System.nanoTime() < deadline && !sweep.isDone()
                    && (resultFiles(out) < 2 || (executors = cluster.executors()).size() < 2)) {
                Thread.sleep(100);
            }
            assertFalse(sweep.isDone(), () -> "the sweep ended before an executor could be killed: "
                    + sweep.join() + cluster.logs());
            assertEquals(2, executors.size(), () -> "two executor JVMs expected\n" + cluster.logs());
            ProcessHandle victim = executors.get(0);
            assertTrue(victim.destroyForcibly(), "kill -9 the executor");
            victim.onExit().get(30, TimeUnit.SECONDS);

            SweepRuns.Output result = sweep.get(6, TimeUnit.MINUTES);
            assertEquals(0, result.exitCode(), () -> result + cluster.logs());
            assertTrue(result.out().contains("lost "), () -> "a task was lost with its executor and retried:\n"
                    + result);
        }
        Map<String, RunResult> results = SweepRuns.results(out); // fails on any partial or foreign file
        assertEquals(RUNS, results.size(), results.keySet().toString());
        assertTrue(results.values().stream().allMatch(r -> r.environment().ompThreads() == 1));

        SweepRuns.Output run = SweepRuns.run("--suite", SweepRuns.suite().toString(), "--epochs", "600", "--out",
                baseline.toString(), "--threads", "1");
        assertEquals(0, run.exitCode(), run.toString());
        SweepRuns.assertSameParameters(baseline, out);
    }

    private static long resultFiles(Path out) throws java.io.IOException {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(runs)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
