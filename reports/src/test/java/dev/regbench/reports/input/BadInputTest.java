package dev.regbench.reports.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.Fixtures;
import dev.regbench.reports.cli.ReportCommand;
import dev.regbench.reports.render.ReportWriter;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.stats.ReportBuilder;
import dev.regbench.reports.schema.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Unusable inputs: each bad file is one line; the rest of the report still renders; nothing at all is an error. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path copyOfFixture() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("results/runs"));
        try (var files = Files.list(Fixtures.dir("polynomial").resolve("runs"))) {
            for (Path f : files.toList()) {
                Files.copy(f, runs.resolve(f.getFileName()));
            }
        }
        return dir.resolve("results");
    }

    @Test
    void truncatedOldOrUnknownVersionAndMissingFieldsAreSkippedWithOneLineEach() throws Exception {
        Path results = copyOfFixture();
        Path runs = results.resolve("runs");
        String good = Files.readString(runs.resolve("l1-seed1.json"));
        Files.writeString(runs.resolve("l1-seed1.json"), good.substring(0, good.length() / 2));
        Files.writeString(runs.resolve("l1-seed2.json"), good.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 7"));
        Files.writeString(runs.resolve("l2-seed1.json"), good.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"));
        Files.writeString(runs.resolve("l2-seed2.json"), good.replaceFirst("\"loss\" : [-0-9.Ee]+", ""));
        Files.writeString(runs.resolve("none-seed2.json"), good.replaceFirst("\"validation\" : \\{[^}]*},", ""));
        Inputs inputs = ResultLoader.load(List.of(results), List.of());
        assertEquals(3, inputs.runs().size());
        List<String> problems = inputs.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(runs.resolve("l1-seed1.json") + ": not valid JSON"), problems.get(0));
        assertTrue(problems.get(1).contains("schemaVersion 7 is not supported"), problems.get(1));
        assertTrue(problems.get(2).contains("schemaVersion 1 was written before regbench had a validation split"),
                problems.get(2));
        assertTrue(problems.get(3).contains("required field missing: epochs[0].train.loss"), problems.get(3));
        assertTrue(problems.get(4).contains("epochs[0] lacks train, validation or test metrics"), problems.get(4));
        problems.forEach(p -> assertEquals(1, p.lines().count()));
    }

    @Test
    void hostileFilesAreListedAndSkippedOneLineEachAndTheRestRenders() throws Exception {
        Path results = copyOfFixture();
        Path runs = results.resolve("runs");
        String good = Files.readString(runs.resolve("l1-seed1.json"));
        Files.writeString(runs.resolve("nan.json"), good.replaceFirst("\"loss\" : [-0-9.Ee]+", "\"loss\" : NaN"));
        Files.writeString(runs.resolve("infinity.json"), good.replaceFirst("\"penalty\" : [-0-9.Ee]+",
                "\"penalty\" : Infinity"));
        Files.writeString(runs.resolve("wrong-type.json"), good.replaceFirst("\"seed\" : [0-9]+", "\"seed\" : \"one\""));
        Files.writeString(runs.resolve("not-an-object.json"), "[]");
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(runs.resolve("huge.json").toFile(), "rw")) {
            huge.setLength(RunResultFiles.MAX_BYTES + 1); // sparse: no disk used, but too large to be a result
        }
        Files.writeString(runs.resolve("copy-of-l2.json"), Files.readString(runs.resolve("l2-seed1.json")));
        Files.writeString(runs.resolve("empty-epochs.json"), good.replaceFirst("(?s)\"epochs\" : \\[.*?\\],\\s*\"final\"",
                "\"epochs\" : [ ], \"final\""));
        for (String name : List.of("none-seed1.json", "none-seed2.json")) { // written by a newer regbench
            Files.writeString(runs.resolve(name), Files.readString(runs.resolve(name))
                    .replace("\"schemaVersion\" : 2,", "\"schemaVersion\" : 2, \"schemaMinor\" : 9, \"carbonGrams\" : 3.5,"));
        }
        Inputs inputs = ResultLoader.load(List.of(results), List.of());
        assertEquals(8, inputs.runs().size(), "the eight real runs");
        assertEquals(List.of("2 result file(s) were written by a newer regbench (schema 2.9; this one reads 2." + RunResult.SCHEMA_MINOR + "): "
                + "their fields carbonGrams are ignored"), inputs.notes(), "said once");
        List<String> problems = inputs.problems();
        assertEquals(7, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("empty-epochs.json: epochChoice.epoch")
                && p.contains("is not among the recorded epochs")), problems.toString());
        problems.forEach(p -> assertEquals(1, p.lines().count(), p));
        assertTrue(problems.stream().anyMatch(p -> p.contains("nan.json: not valid JSON")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("infinity.json: not valid JSON")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("wrong-type.json: schema violation at seed")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("not-an-object.json: not a regbench result")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("huge.json: ") && p.contains("not a regbench result")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("duplicate of")), problems.toString());
        ReportWriter.write(ReportBuilder.build(inputs, "now"), dir.resolve("report"));
        assertTrue(Files.readString(dir.resolve("report/report.md")).contains("skipped: " + runs.resolve("huge.json")));
    }

    @Test
    void directoryWithoutRunsIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("empty/runs"));
        InputException e = assertThrows(InputException.class, () -> ResultLoader.load(List.of(dir.resolve("empty")), List.of()));
        assertTrue(e.getMessage().startsWith("no readable run results"), e.getMessage());
    }

    @Test
    void commandReportsProblemsAndStillWrites() throws Exception {
        Path results = copyOfFixture();
        Files.writeString(results.resolve("runs/junk.json"), "[1, 2");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--results", results.toString(), "--out", dir.resolve("report").toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().startsWith("skipped: " + results.resolve("runs/junk.json")), err.toString());
        assertTrue(Files.exists(dir.resolve("report/report.html")));
        assertTrue(Files.readString(dir.resolve("report/report.md")).contains("junk.json"), "listed in the report");

        int none = new CommandLine(new ReportCommand()).execute("--results", dir.resolve("nothing").toString(),
                "--out", dir.resolve("r2").toString());
        assertEquals(1, none);
    }

    @Test
    void jmhFilesAreParsed() throws Exception {
        Path jmh = Files.writeString(dir.resolve("jmh.json"), """
                [ { "benchmark" : "dev.regbench.suites.bench.TrainStep.fit", "mode" : "thrpt",
                    "jvmArgs" : [ "-Xmx4g", "-Dregbench.backend=CPU" ],
                    "params" : { "batchSize" : "128", "implementation" : "tuned", "regularizer" : "l2", "task" : "mnist" },
                    "primaryMetric" : { "score" : 50.0, "scoreError" : 2.0, "scoreUnit" : "ops/s" },
                    "secondaryMetrics" : { "examples" : { "score" : 6400.0, "scoreError" : 256.0, "scoreUnit" : "ops/s" } } },
                  { "benchmark" : "dev.regbench.suites.bench.Gemm.sgemm", "mode" : "thrpt",
                    "params" : { "shape" : "128x784x1024" },
                    "primaryMetric" : { "score" : 60.0, "scoreError" : 1.0, "scoreUnit" : "ops/s" },
                    "secondaryMetrics" : { "gflop" : { "score" : 180.0, "scoreError" : 5.0, "scoreUnit" : "ops/s" } } } ]
                """);
        List<ThroughputMeasurement> m = JmhResults.read(jmh);
        assertEquals(2, m.size());
        assertEquals("TrainStep.fit", m.get(0).benchmark());
        assertEquals(6400.0, m.get(0).examplesPerSecond());
        assertEquals("CPU", m.get(0).backend());
        assertTrue(Double.isNaN(m.get(1).examplesPerSecond()));
        assertEquals(180.0, m.get(1).gflopPerSecond());
        assertEquals("shape=128x784x1024", m.get(1).params());
        assertEquals("batchSize=128, implementation=tuned, regularizer=l2, task=mnist", m.get(0).params());
        assertEquals("tuned", m.get(0).otherParamValues(), "shown beside task, regularizer, batch");
        assertEquals("128x784x1024", m.get(1).otherParamValues());
        Files.writeString(dir.resolve("bad.json"), "{\"not\": \"jmh\"}");
        assertThrows(InputException.class, () -> JmhResults.read(dir.resolve("bad.json")));
    }
}
