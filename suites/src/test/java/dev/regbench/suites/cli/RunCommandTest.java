package dev.regbench.suites.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.schema.RunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code regbench run} end to end on the shipped suite files and real MNIST. */
class RunCommandTest {
    /** The project root (tests run in a module directory). */
    static final Path ROOT = Path.of(System.getProperty("regbench.home", "..")).toAbsolutePath().normalize();

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
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void realMnistSmokeReachesNinetyPercentInOneEpoch() throws Exception {
        Path out = tmp.resolve("smoke");
        Result r = regbench("run", "--suite", ROOT.resolve("suites/mnist-quick.yaml").toString(), "--out",
                out.toString(), "--only", "none", "--seeds", "1", "--epochs", "1", "--train-size", "10000");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        RunResult result = RunResultFiles.read(out.resolve("runs/none-seed1.json"));
        assertEquals(RunStatus.COMPLETED, result.status());
        assertEquals(10_000, result.dataset().trainSize());
        assertTrue(result.finalMetrics().testAccuracy() >= 0.90, "test accuracy " + result.finalMetrics().testAccuracy());
        assertTrue(r.out().contains("none seed 1 | epoch 1/1"), r.out());
        assertTrue(Files.exists(out.resolve("suite.yaml")));

        Result again = regbench("run", "--suite", ROOT.resolve("suites/mnist-quick.yaml").toString(), "--out",
                out.toString(), "--only", "none", "--seeds", "1", "--epochs", "1", "--train-size", "10000");
        assertEquals(0, again.exitCode());
        assertTrue(again.out().contains("0 run(s) trained, 1 already finished"), again.out());
    }

    @Test
    void badSuiteExitsOneWithOneLineBeforeTraining() throws Exception {
        Path suite = Files.writeString(tmp.resolve("bad.yaml"),
                Files.readString(ROOT.resolve("suites/mnist-quick.yaml")).replace("{name: l2, kind: l2, lambda: 5.0e-4}", "{name: l2, kind: l2, lambda: -1}"));
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
}
