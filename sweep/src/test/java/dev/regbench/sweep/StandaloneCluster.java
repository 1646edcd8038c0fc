package dev.regbench.sweep;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and a Worker, each a JVM started from Spark's own
 * classes, with a minimal Spark home whose {@code jars/} holds this JVM's classpath — enough for the Worker to
 * launch executor JVMs. Web UIs bind to 127.0.0.1 on ephemeral ports (standalone daemons cannot turn theirs off).
 * {@link #close()} stops the executors, the Worker and the Master.
 */
final class StandaloneCluster implements AutoCloseable {
    /** The executors' main class, to find their processes. */
    static final String EXECUTOR_MAIN = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

    private final Path dir;
    private final String classpath;
    private final Process master;
    private final Process worker;
    private final String masterUrl;

    /**
     * @param dir          scratch directory (Spark home, logs, work directory)
     * @param workerCores  cores the Worker offers
     * @param workerMemory memory the Worker offers, e.g. {@code 3g}
     */
    StandaloneCluster(Path dir, int workerCores, String workerMemory) throws IOException, InterruptedException {
        this.dir = dir;
        this.classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        int port = freePort();
        this.masterUrl = "spark://127.0.0.1:" + port;
        this.master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", "0");
        awaitPort(port, master);
        this.worker = start("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                String.valueOf(workerCores), "--memory", workerMemory, "--webui-port", "0", "--work-dir",
                Files.createDirectories(dir.resolve("work")).toString(), masterUrl);
    }

    /** @return {@code spark://127.0.0.1:<port>} */
    String masterUrl() {
        return masterUrl;
    }

    /** @return the classpath executors need (this JVM's), for {@code spark.executor.extraClassPath} */
    String classpath() {
        return classpath;
    }

    /** @return the executor JVMs the Worker has launched and that are alive */
    List<ProcessHandle> executors() {
        return worker.descendants().filter(ProcessHandle::isAlive).filter(StandaloneCluster::isExecutor).toList();
    }

    /** Reads /proc/PID/cmdline: ProcessHandle.Info leaves out the arguments of very long command lines. */
    private static boolean isExecutor(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).contains(EXECUTOR_MAIN);
        } catch (IOException e) {
            return p.info().commandLine().map(c -> c.contains(EXECUTOR_MAIN)).orElse(false);
        }
    }

    /** @return the daemons' logs, for failure messages */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("master", "worker")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
                b.append("--- ").append(name).append(".log (last 40 lines)\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> b.append(l).append('\n'));
            } catch (IOException e) {
                b.append("--- ").append(name).append(".log unreadable: ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }

    private Process start(String name, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(Arrays.asList(System.getProperty("regbench.sparkAddOpens", "").trim().split("\\s+")));
        command.add("-cp");
        command.add(classpath);
        command.add(main);
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitPort(int port, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the Spark master exited:\n" + logs());
            }
            try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the Spark master did not listen on port " + port + " within 60 s:\n" + logs());
    }

    @Override
    public void close() {
        for (Process p : new Process[] {worker, master}) {
            if (p == null) {
                continue;
            }
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
