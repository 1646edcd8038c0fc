package dev.regbench.suites.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.schema.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code regbench run} end to end on the shipped suite files and real MNIST. */
class RunCommandTest {
    /** The project root (tests run in a module directory). */
    static final Path ROOT = Path.of(System.getProperty("regbench.home", "..")).toAbsolutePath().normalize();

    /** A polynomial suite of one 5-epoch run that trains in a moment, for resume tests. */
    private static final String TINY_SUITE = """
            name: tiny
            dataset: polynomial
            polynomial: {coefficients: [0, 1], noiseStdDev: 0.1, trainPoints: 10, validationPoints: 10, testPoints: 20}
            epochs: 5
            batchSize: 10
            seeds: [1]
            network: {hidden: [4], activation: tanh}
            optimizer: {type: sgd, learningRate: 0.1}
            regularizers: [{name: none, kind: none}]
            """;

    @TempDir
    Path tmp;

    record Result(int exitCode, String out, String err) {
    }

    static Result regbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RegbenchCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(dev.regbench.reports.cli.Cli.execute(cli, args), out.toString(), err.toString());
    }

    @Test
    void everyCommandsHelpRendersWithoutPicocliWarnings() {
        // picocli formats descriptions with String.format: a bare '%' makes it print a warning above the help.
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> commands = new ArrayList<>();
        try {
            System.setErr(new PrintStream(captured, true));
            ArrayDeque<CommandLine> todo = new ArrayDeque<>(List.of(new CommandLine(new RegbenchCli())));
            while (!todo.isEmpty()) {
                CommandLine command = todo.pop();
                commands.add(command.getCommandName());
                assertTrue(command.getUsageMessage().contains("Usage:"), command.getCommandName());
                todo.addAll(command.getSubcommands().values());
            }
        } finally {
            System.setErr(stderr);
        }
        assertTrue(commands.containsAll(List.of("speed", "compare-builds", "run")), commands.toString());
        assertEquals("", captured.toString(), "help of " + commands);
    }

    @Test
    void realMnistSmokeReachesNinetyPercentInOneEpoch() throws Exception {
        Path out = tmp.resolve("smoke");
        Result r = regbench("run", "--suite", ROOT.resolve("suites/mnist.yaml").toString(), "--out",
                out.toString(), "--only", "none", "--seeds", "1", "--epochs", "1", "--train-size", "10000");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        RunResult result = RunResultFiles.read(out.resolve("runs/none-seed1.json"));
        assertEquals(RunStatus.COMPLETED, result.status());
        assertEquals(10_000, result.dataset().trainSize());
        assertEquals(10_000, result.dataset().validationSize());
        assertEquals(java.util.Collections.nCopies(10, 1000), result.dataset().classCounts().validation());
        assertEquals(java.util.Collections.nCopies(10, 1000), result.dataset().classCounts().train());
        assertEquals(List.of(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009),
                result.dataset().classCounts().test(), "the published test set, as it is");
        assertTrue(result.finalMetrics().validation().accuracy() >= 0.90, "validation accuracy");
        assertTrue(result.finalMetrics().test().accuracy() >= 0.90, "test accuracy " + result.finalMetrics().test().accuracy());
        assertTrue(r.out().contains("none seed 1 | epoch 1/1"), r.out());
        assertTrue(Files.exists(out.resolve("suite.yaml")));

        Result again = regbench("run", "--suite", ROOT.resolve("suites/mnist.yaml").toString(), "--out",
                out.toString(), "--only", "none", "--seeds", "1", "--epochs", "1", "--train-size", "10000");
        assertEquals(0, again.exitCode());
        assertTrue(again.out().contains("0 run(s) trained, 1 already finished"), again.out());
    }

    @Test
    void badSuiteExitsOneWithOneLineBeforeTraining() throws Exception {
        Path suite = Files.writeString(tmp.resolve("bad.yaml"),
                Files.readString(ROOT.resolve("suites/mnist.yaml")).replace("{name: l2, kind: l2, lambda: 5.0e-4}", "{name: l2, kind: l2, lambda: -1}"));
        Result r = regbench("run", "--suite", suite.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(suite + ": regularizers[2]: lambda must be"), r.err());
        assertTrue(!Files.exists(tmp.resolve("o")), "nothing written for a bad suite");
    }

    @Test
    void missingDataExitsOneNamingTheFile() {
        Result r = regbench("run", "--suite", ROOT.resolve("suites/mnist-quick.yaml").toString(), "--out",
                tmp.resolve("o").toString(), "--data-dir", tmp.resolve("empty").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("train-images-idx3-ubyte") && r.err().contains("scripts/fetch-data.sh mnist"),
                r.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        Result r = regbench("run", "--suite", ROOT.resolve("suites/mnist-quick.yaml").toString(), "--out",
                tmp.resolve("o").toString(), "--only", "l3");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no regularizer named 'l3'"), r.err());
    }

    @Test
    void dryRunPrintsTheGridWithoutTouchingDataOrOutput() {
        Result r = regbench("run", "--suite", ROOT.resolve("suites/mnist-path.yaml").toString(), "--dry-run",
                "--data-dir", tmp.resolve("no-data").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("stage tune"), r.out());
        assertTrue(r.out().contains("stage eval"), r.out());
        assertTrue(r.out().contains("l2 (l2): lambda logspace 1e-4 … 0.01, 3 points, extendable 1 time at its edges = "
                + "1e-4, 0.001, 0.01"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("total: ") && l.contains(" run(s)")), r.out());
        assertTrue(!Files.exists(tmp.resolve("no-data")));
        Result missingOut = regbench("run", "--suite", ROOT.resolve("suites/mnist-path.yaml").toString());
        assertEquals(2, missingOut.exitCode(), "--out is required to train");
    }

    @Test
    void everyProblemOfABadSweepIsOneLine() throws Exception {
        Path suite = Files.writeString(tmp.resolve("bad-grid.yaml"),
                Files.readString(ROOT.resolve("suites/mnist-path.yaml"))
                        .replace("evalSeeds: [101, ", "evalSeeds: [1, ")
                        .replace("points: 3, extendAtEdge: 1}}\n  - {name: l2", "points: 1, extendAtEdge: 1}}\n  - {name: l2"));
        Result r = regbench("run", "--suite", suite.toString(), "--dry-run");
        assertEquals(1, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.stream().allMatch(l -> l.startsWith(suite + ": ")), r.err());
        assertTrue(r.err().contains("evalSeeds: tuneSeeds and evalSeeds overlap in [1]"), r.err());
        assertTrue(r.err().contains("regularizers[1].lambda: a range needs points >= 2"), r.err());
    }

    @Test
    void anOutputPathThatIsAFileAndAMissingDataDirectoryAreOneLineEach() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Result r = regbench("run", "--suite", ROOT.resolve("suites/mnist.yaml").toString(), "--out", file.toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of(file + " is a file, not a directory; choose another --out"), r.err().lines().toList());
        Result data = regbench("run", "--suite", ROOT.resolve("suites/mnist.yaml").toString(), "--out",
                tmp.resolve("o2").toString(), "--data-dir", tmp.resolve("does-not-exist").toString());
        assertEquals(1, data.exitCode());
        assertEquals(1, data.err().lines().count(), data.err());
        assertTrue(data.err().contains("does-not-exist/mnist/train-images-idx3-ubyte")
                && data.err().contains("scripts/fetch-data.sh mnist"), data.err());
        assertTrue(!Files.exists(tmp.resolve("o2/suite.yaml")), "no suite copy for a run that never started");
    }

    @Test
    void aRefusedResumeLeavesTheSuiteCopyAsItWasAndNamesWhatDiffers() throws Exception {
        String yaml = TINY_SUITE;
        Path suite = Files.writeString(tmp.resolve("tiny.yaml"), yaml);
        Path out = tmp.resolve("out");
        Result estimate = regbench("run", "--suite", suite.toString(), "--out", out.toString(), "--estimate");
        assertEquals(0, estimate.exitCode(), estimate.err());
        assertTrue(!Files.exists(out.resolve("suite.yaml")), "--estimate writes no suite copy");
        assertEquals(0, regbench("run", "--suite", suite.toString(), "--out", out.toString()).exitCode());
        byte[] copy = Files.readAllBytes(out.resolve("suite.yaml"));

        Files.writeString(suite, yaml.replace("learningRate: 0.1", "learningRate: 0.2"));
        Result changed = regbench("run", "--suite", suite.toString(), "--out", out.toString());
        assertEquals(1, changed.exitCode());
        assertEquals(1, changed.err().lines().count(), changed.err());
        assertTrue(changed.err().contains("was computed with a different configuration"), changed.err());
        Result changedEstimate = regbench("run", "--suite", suite.toString(), "--out", out.toString(), "--estimate");
        assertEquals(1, changedEstimate.exitCode(), "an estimate is refused the same way");
        assertArrayEquals(copy, Files.readAllBytes(out.resolve("suite.yaml")), "the copy still describes the results");

        Files.writeString(suite, yaml);
        Result stock = regbench("run", "--suite", suite.toString(), "--out", out.toString(), "--implementation", "stock");
        assertEquals(1, stock.exitCode());
        assertTrue(stock.err().contains("was computed with implementation tuned (now stock)"), stock.err());
        assertArrayEquals(copy, Files.readAllBytes(out.resolve("suite.yaml")));
    }

    @Test
    void resumingWithOtherThreadsIsRefusedAndWithTheSameThreadsGoesOn() throws Exception {
        String yaml = TINY_SUITE.replace("seeds: [1]", "seeds: [1, 2]");
        Path suite = Files.writeString(tmp.resolve("threads.yaml"), yaml);
        Path out = tmp.resolve("threads-out");
        assertEquals(0, regbench("run", "--suite", suite.toString(), "--out", out.toString(), "--threads", "1")
                .exitCode());
        Path seed2 = Files.walk(out.resolve("runs")).filter(p -> p.toString().endsWith("seed2.json")).findFirst()
                .orElseThrow();
        Files.delete(seed2); // as if interrupted before the second seed

        Result other = regbench("run", "--suite", suite.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(1, other.exitCode(), other.err());
        assertEquals(1, other.err().lines().count(), other.err());
        assertTrue(other.err().contains("1 BLAS thread") && other.err().contains("2 BLAS threads")
                && other.err().contains("resume with the same threads"), other.err());
        assertTrue(!Files.exists(seed2), "nothing trained with the other threads");

        Result same = regbench("run", "--suite", suite.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(Files.exists(seed2));
    }
}
