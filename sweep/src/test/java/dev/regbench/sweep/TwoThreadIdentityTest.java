package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.suites.cli.RegbenchCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's identity claim at more than one thread: a run's final parameters are the same bits whether it trained
 * under {@code OMP_NUM_THREADS=2 regbench run --threads 1} or as one of two concurrent tasks of
 * {@code regbench sweep --threads-per-run 2} in one JVM. The network is an MNIST MLP too large for the Java
 * step, so ND4J's multi-threaded ops train it, with dropout (random masks) among the arms. Both are processes of
 * their own, each with the OpenMP threads it asks for.
 */
class TwoThreadIdentityTest {
    private static final String SUITE = """
            name: two-threads
            dataset: mnist
            trainSize: 1000
            validationSize: 1000
            dataDraw: per-seed
            epochs: 2
            evaluateEvery: 1
            batchSize: 128
            seeds: [1, 2]
            network: {hidden: [256], activation: relu}
            optimizer: {type: nesterov, learningRate: 0.05, momentum: 0.9}
            regularizers:
              - {name: none, kind: none}
              - {name: l2, kind: l2, lambda: 1.0e-4}
              - {name: dropout-l2, kind: dropout-l2, inputRetain: 0.8, hiddenRetain: 0.5, lambda: 1.0e-5}
            """;

    @TempDir
    Path dir;

    @Test
    void twoThreadsPerRunAndTwoConcurrentTasksGiveTheBitsOfATwoThreadRun() throws Exception {
        Path suite = Files.writeString(dir.resolve("two-threads.yaml"), SUITE);
        Map<String, String> twoThreads = Map.of("OMP_NUM_THREADS", "2");
        SweepProcess run = SweepProcess.launch(RegbenchCli.class, dir, Map.of(), twoThreads, "run", "--suite",
                suite.toString(), "--out", dir.resolve("run").toString(), "--threads", "1");
        assertEquals(0, run.await(600), run.toString());
        SweepProcess sweep = SweepProcess.launch(FaultySweepMain.class, dir, Map.of(), twoThreads, "--suite",
                suite.toString(), "--out", dir.resolve("sweep").toString(), "--threads-per-run", "2", "--master",
                "local[2]");
        assertEquals(0, sweep.await(600), sweep.toString());

        Map<String, RunResult> results = SweepRuns.results(dir.resolve("sweep"));
        assertEquals(6, results.size(), results.keySet().toString());
        for (RunResult r : results.values()) {
            assertEquals(2, r.environment().ompThreads(), "trained with two OpenMP threads");
            assertTrue(!"java-step".equals(r.activationLayout()),
                    "ND4J's ops trained it, not the Java step");
        }
        SweepRuns.assertSameParameters(dir.resolve("run"), dir.resolve("sweep"));
    }
}
