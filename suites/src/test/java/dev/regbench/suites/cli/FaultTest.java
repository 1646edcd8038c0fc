package dev.regbench.suites.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.schema.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults, with real {@code regbench run} processes (the same JVM options the launcher passes, one OpenMP thread
 * each so that every process trains bit for bit the same): a second process on a locked output directory, kill
 * -9 at random moments, a full disk (a size-limited tmpfs; needs root, which CI has), a read-only output
 * directory. Nothing finished is lost, no file is partial, a rerun completes the set exactly as an uninterrupted
 * run does. Each run trains the polynomial network for 3,000 epochs, about a second on the build machines, so that
 * a second process starts and a kill lands while the first trains.
 */
class FaultTest {
    private static final String SUITE = """
            name: tiny
            dataset: polynomial
            polynomial: {coefficients: [0, 1, 0, -1], noiseStdDev: 0.1, trainPoints: 20, validationPoints: 20, testPoints: 50}
            epochs: 3000
            evaluateEvery: 10
            batchSize: 20
            seeds: [1, 2]
            network: {hidden: [64, 64], activation: tanh}
            optimizer: {type: adam, learningRate: 0.01}
            regularizers:
              - {name: none, kind: none}
              - {name: l1, kind: l1, lambda: 1.0e-4}
              - {name: l2, kind: l2, lambda: 1.0e-3}
            """;
    private static final int RUNS = 6;

    @TempDir
    static Path shared;
    private static Path suite;
    private static Map<String, String> reference;

    @TempDir
    Path tmp;

    /** A child {@code regbench run} process and where its output goes. */
    record Child(Process process, Path stdout, Path stderr) {
        int await(long seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("regbench run did not finish within " + seconds + " s: " + Files.readString(stderr));
            }
            return process.exitValue();
        }

        /**
         * @return the child's stderr without the JDK's own start-up line about the incubator modules, which
         *         scripts/regbench filters out (this test starts java directly)
         */
        String err() throws IOException {
            return INCUBATOR_WARNING.matcher(Files.readString(stderr)).replaceAll("");
        }
    }

    /** What Java 17+ prints at start when incubator modules are added (in no fixed order). */
    static final java.util.regex.Pattern INCUBATOR_WARNING = java.util.regex.Pattern.compile(
            "(?m)^WARNING: Using incubator modules: jdk\\.incubator\\.[a-z]+(, jdk\\.incubator\\.[a-z]+)*\\R");

    static Child start(Path out, String... extra) throws IOException {
        return start(Map.of(), out, extra);
    }

    /** @param properties system properties of the child (test hooks) */
    static Child start(Map<String, String> properties, Path out, String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m"));
        command.addAll(dev.regbench.suites.JvmOptions.forThisJava());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", ""),
                "-Dregbench.dataDir=" + System.getProperty("regbench.dataDir", "datasets/data"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), RegbenchCli.class.getName(),
                "run", "--suite", suite.toString(), "--out", out.toString()));
        command.addAll(List.of(extra));
        Path log = Files.createTempFile(shared, "child", ".out");
        Path err = Files.createTempFile(shared, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectError(err.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return new Child(pb.start(), log, err);
    }

    /** @return every result file under {@code out/runs}, each parsed and complete, by relative path */
    static Map<String, String> results(Path out) throws Exception {
        Map<String, String> sha = new TreeMap<>();
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return sha;
        }
        try (Stream<Path> files = Files.walk(runs)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertTrue(Files.size(f) > 0, "no zero-length result: " + f);
                RunResult r = RunResultFiles.read(f); // a partial file would not parse
                assertEquals(RunStatus.COMPLETED, r.status(), f.toString());
                sha.put(runs.relativize(f).toString(), r.finalParamsSha256());
            }
        }
        return sha;
    }

    @BeforeAll
    static void uninterruptedReference() throws Exception {
        suite = Files.writeString(shared.resolve("tiny.yaml"), SUITE);
        Child child = start(shared.resolve("reference"));
        assertEquals(0, child.await(180), child.err());
        reference = results(shared.resolve("reference"));
        assertEquals(RUNS, reference.size());
    }

    @Test
    void aSecondProcessOnTheSameOutputIsRefusedAtOnceAndTheFirstFinishesUntouched() throws Exception {
        Path out = tmp.resolve("shared-out");
        Child first = start(out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(first.stdout()).contains("run   [1/") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Child second = start(out);
        long started = System.nanoTime();
        assertEquals(1, second.await(60), second.err());
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 30, "refused at once");
        List<String> lines = second.err().lines().toList();
        assertEquals(1, lines.size(), second.err());
        assertTrue(lines.get(0).contains("is in use by regbench run on host"), lines.get(0));
        assertEquals(0, first.await(180), first.err());
        assertEquals(reference, results(out), "the first process's results are exactly an undisturbed run's");
    }

    @Test
    void killMinus9AtRandomMomentsLosesNothingFinishedAndTheRerunCompletesTheSameSet() throws Exception {
        Random random = new Random(20261125);
        for (int trial = 0; trial < 3; trial++) {
            Path out = tmp.resolve("killed-" + trial);
            Child child = start(out);
            int during = 1 + random.nextInt(RUNS); // kill while run k of 6 trains, at a random moment of it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(child.stdout()).contains("run   [" + during + "/")
                    && System.nanoTime() < deadline && child.process().isAlive()) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(600));
            child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            child.process().waitFor(30, TimeUnit.SECONDS);
            Map<String, String> survived = results(out); // every file present parses and is complete
            assertTrue(survived.size() >= during - 1, "the runs finished before the kill are all there: " + survived);
            for (Map.Entry<String, String> e : survived.entrySet()) {
                assertEquals(reference.get(e.getKey()), e.getValue(), "a result written before the kill is intact");
            }
            Child rerun = start(out);
            assertEquals(0, rerun.await(180), rerun.err());
            assertEquals(reference, results(out), "trial " + trial + ": the set equals an uninterrupted run's");
            try (Stream<Path> files = Files.walk(out)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial-")),
                        "the rerun removed the temporary file of the killed write");
            }
        }
    }

    @Test
    void aKillWhileAResultIsBeingWrittenLeavesItAbsentNeverPartialAndTheRerunWritesIt() throws Exception {
        Path out = tmp.resolve("killed-mid-write");
        // The test hook stops the write of seed 2's `none` result between its complete temporary file and the
        // rename that publishes it, and says so on stderr: the kill lands exactly there.
        Child child = start(Map.of(dev.regbench.reports.AtomicFiles.PAUSE_PROPERTY, "none-seed2.json"), out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String announced = null;
        while (announced == null && System.nanoTime() < deadline && child.process().isAlive()) {
            announced = child.err().lines().filter(l -> l.startsWith(dev.regbench.reports.AtomicFiles
                    .PAUSE_ANNOUNCEMENT)).findFirst().orElse(null);
            Thread.sleep(20);
        }
        assertTrue(announced != null, "the write paused: " + child.err());
        child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        child.process().waitFor(30, TimeUnit.SECONDS);

        Path target = Path.of(announced.substring(dev.regbench.reports.AtomicFiles.PAUSE_ANNOUNCEMENT.length()));
        assertTrue(target.startsWith(out.resolve("runs").toAbsolutePath()), target.toString());
        assertTrue(Files.notExists(target), "the result being written is absent, not partial");
        List<Path> partial;
        try (Stream<Path> files = Files.list(target.getParent())) {
            partial = files.filter(p -> p.getFileName().toString().startsWith(target.getFileName() + ".partial-"))
                    .toList();
        }
        assertEquals(1, partial.size(), "the kill landed mid-write: its temporary file is there");
        Map<String, String> survived = results(out); // every result present parses and is complete
        String relative = out.resolve("runs").toAbsolutePath().relativize(target).toString();
        assertTrue(!survived.containsKey(relative) && !survived.isEmpty(), survived.toString());
        survived.forEach((file, sha) -> assertEquals(reference.get(file), sha, file));

        Child rerun = start(out);
        assertEquals(0, rerun.await(180), rerun.err());
        assertEquals(reference, results(out), "the rerun wrote it, and the set equals an uninterrupted run's");
        assertTrue(Files.notExists(partial.get(0)), "the rerun removed the killed write's temporary file");
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void requireRoot(String what) {
        if (!root()) {
            if (System.getenv("CI") != null) {
                fail(what + " needs root (to mount a tmpfs); CI runs as root");
            }
            Assumptions.abort(what + " needs root to mount a tmpfs; CI runs it");
        }
    }

    private static void sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }

    @Test
    void aFullDiskStopsTheRunWithOneLineKeepsEarlierResultsAndResumesOnceSpaceIsFreed() throws Exception {
        requireRoot("the disk-full test");
        Path disk = Files.createDirectories(tmp.resolve("small-disk"));
        // Room for the suite copy and about three of the six results (tmpfs counts whole 4 KiB pages).
        long resultBytes;
        try (Stream<Path> files = Files.walk(shared.resolve("reference").resolve("runs"))) {
            resultBytes = files.filter(p -> p.toString().endsWith(".json")).mapToLong(p -> p.toFile().length()).max()
                    .orElseThrow();
        }
        long pages = (resultBytes + 4095) / 4096;
        sh("mount", "-t", "tmpfs", "-o", "size=" + 4 * (3 * pages + 2) + "k", "tmpfs", disk.toString());
        try {
            Path out = disk.resolve("out");
            Child child = start(out);
            assertEquals(1, child.await(180), child.err());
            List<String> lines = child.err().lines().toList();
            assertEquals(1, lines.size(), child.err());
            assertTrue(lines.get(0).contains("No space left on device") && lines.get(0).contains("results already "
                    + "written are kept"), lines.get(0));
            Map<String, String> kept = results(out);
            assertTrue(!kept.isEmpty() && kept.size() < RUNS, "some results fit before the disk was full: " + kept);
            kept.forEach((file, sha) -> assertEquals(reference.get(file), sha, file));
            try (Stream<Path> files = Files.walk(out)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial-")),
                        "the failed write left no temporary file");
            }
            sh("mount", "-o", "remount,size=4m", disk.toString());
            Child resumed = start(out);
            assertEquals(0, resumed.await(180), resumed.err());
            assertEquals(reference, results(out));
        } finally {
            sh("umount", disk.toString());
        }
    }

    @Test
    void aReadOnlyOutputDirectoryIsOneLine() throws Exception {
        Path readOnly = Files.createDirectories(tmp.resolve("read-only"));
        boolean mounted = false;
        if (root()) { // root ignores permission bits: a read-only mount is the real thing
            sh("mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", readOnly.toString());
            mounted = true;
        } else {
            assertTrue(readOnly.toFile().setWritable(false, false));
        }
        try {
            Child child = start(readOnly.resolve("out"));
            assertEquals(1, child.await(120), child.err());
            List<String> lines = child.err().lines().toList();
            assertEquals(1, lines.size(), child.err());
            assertTrue(lines.get(0).startsWith("cannot create output directory " + readOnly.resolve("out")),
                    lines.get(0));
        } finally {
            if (mounted) {
                sh("umount", readOnly.toString());
            }
        }
    }
}
