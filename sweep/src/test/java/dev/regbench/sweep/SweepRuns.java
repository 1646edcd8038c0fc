package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.suites.cli.RegbenchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Helpers of the sweep tests: the test suite, running sweeps and runs in-process, reading their outputs. */
final class SweepRuns {
    private SweepRuns() {
    }

    /** What a command printed and returned. */
    record Output(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    /** @return the test suite's file */
    static Path suite() {
        try {
            return Path.of(SweepRuns.class.getResource("/sweep-test.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code regbench sweep} in this JVM (whose OMP_NUM_THREADS is 1, set by the POM). */
    static Output sweep(Set<String> faults, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Also what tasks print on the process's stderr: under local[k] that is the user's terminal.
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream processErr = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                processErr.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                processErr.write(b, off, len);
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8));
        // Only now the command line: picocli's default execution strategy remembers System.err when it is made and
        // replaces the err writer set here with one on that stream if System.err has changed since.
        CommandLine cli = new CommandLine(new SweepCommand(faults));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code;
        try {
            code = dev.regbench.reports.cli.Cli.execute(cli, args);
        } finally {
            System.setErr(original);
        }
        return new Output(code, out.toString(), err.toString() + processErr.toString(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Runs {@code regbench run --threads 1} in this JVM: one OpenMP and one BLAS thread, as a sweep task. */
    static Output run(String... args) {
        return regbench(Stream.concat(Stream.of("run"), Stream.of(args)).toArray(String[]::new));
    }

    /** Runs any {@code regbench} command in this JVM (e.g. {@code report}), capturing what it prints. */
    static Output regbench(String... all) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RegbenchCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = dev.regbench.reports.cli.Cli.execute(cli, all);
        return new Output(code, out.toString(), err.toString());
    }

    /**
     * @param out an output directory
     * @return every result file under {@code runs/}, by relative path, parsed (which checks it is complete)
     */
    static Map<String, RunResult> results(Path out) throws Exception {
        Map<String, RunResult> all = new TreeMap<>();
        Path runs = out.resolve("runs");
        try (Stream<Path> files = Files.walk(runs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = runs.relativize(f).toString();
                if (!name.endsWith(".json")) {
                    throw new AssertionError("unexpected file in runs/: " + name);
                }
                all.put(name, RunResultFiles.read(f));
            }
        }
        return all;
    }

    /** @return per result path, the final parameters' hash */
    static Map<String, String> hashes(Map<String, RunResult> results) {
        Map<String, String> h = new TreeMap<>();
        results.forEach((k, r) -> h.put(k, r.finalParamsSha256()));
        return h;
    }

    /** Asserts two outputs hold the same runs with bit-identical final parameters. */
    static void assertSameParameters(Path expected, Path actual) throws Exception {
        assertEquals(hashes(results(expected)), hashes(results(actual)),
                "final parameters of " + actual + " vs " + expected);
    }
}
