package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A {@code regbench sweep} (or {@code regbench run}) in a process of its own ({@link FaultySweepMain}, this build's classes, the JVM options
 * the launcher gives a sweep, one OpenMP thread, Spark on 127.0.0.1), with its real stdout and stderr in files:
 * what a user's terminal shows, and a process a test can kill.
 */
record SweepProcess(Process process, Path stdout, Path stderr) {
    /**
     * @param logs       where the child's stdout and stderr files go
     * @param properties system properties of the child (test hooks)
     * @param args       the sweep's arguments
     * @return the started child
     */
    static SweepProcess start(Path logs, Map<String, String> properties, String... args) throws IOException {
        return launch(FaultySweepMain.class, logs, properties, Map.of(), args);
    }

    /**
     * @param main        the main class: {@link FaultySweepMain}, or {@code RegbenchCli} for {@code regbench run}
     * @param logs        where the child's stdout and stderr files go
     * @param properties  system properties of the child (test hooks)
     * @param environment environment variables over the defaults (OMP_NUM_THREADS=1, SPARK_LOCAL_IP=127.0.0.1)
     * @param args        the command's arguments
     * @return the started child
     */
    static SweepProcess launch(Class<?> main, Path logs, Map<String, String> properties,
                               Map<String, String> environment, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1536m", "-Djava.awt.headless=true",
                "-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("regbench.nativeExtension", ""),
                "-Dregbench.dataDir=" + System.getProperty("regbench.dataDir", "datasets/data")));
        command.addAll(dev.regbench.suites.JvmOptions.forThisJava());
        // As scripts/regbench: Spark's list without the packages this JDK lacks (25 has no sun.security.action).
        Set<String> packages = Object.class.getModule().getPackages();
        command.addAll(Arrays.stream(System.getProperty("regbench.sparkAddOpens", "").split("\\s+"))
                .filter(s -> !s.isBlank())
                .filter(s -> !s.startsWith("--add-opens=java.base/") || packages.contains(s.substring(
                        "--add-opens=java.base/".length(), s.indexOf('=', "--add-opens=java.base/".length()))))
                .toList());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        Path out = Files.createTempFile(logs, "child", ".out");
        Path err = Files.createTempFile(logs, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().remove("REGBENCH_DEBUG");
        pb.environment().putAll(environment);
        return new SweepProcess(pb.start(), out, err);
    }

    /** @return the exit code, waiting at most {@code seconds} (then the child is killed and the test fails) */
    int await(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("regbench sweep did not finish within " + seconds + " s\n" + this);
        }
        return process.exitValue();
    }

    /**
     * Waits until stderr holds a line starting with {@code prefix}.
     *
     * @return that line
     */
    String awaitErrLine(String prefix, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            var line = err().lines().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                fail("regbench sweep ended (exit " + process.exitValue() + ") before printing '" + prefix + "'\n" + this);
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        fail("regbench sweep printed no '" + prefix + "' within " + seconds + " s\n" + this);
        return null;
    }

    /** Kills the child with SIGKILL (no shutdown hook runs) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String out() throws IOException {
        return Files.readString(stdout);
    }

    /** @return stderr without the JDK's own start-up line about incubator modules (scripts/regbench filters it) */
    String err() throws IOException {
        return Files.readString(stderr).replaceAll("(?m)^WARNING: Using incubator modules: .*\\R", "");
    }

    @Override
    public String toString() {
        try {
            return "--- stdout\n" + out() + "\n--- stderr\n" + err();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
