package dev.regbench.suites;

import dev.regbench.reports.schema.CpuInfo;
import dev.regbench.reports.schema.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;

/** Reads the {@link Environment} of this JVM: ND4J backend, BLAS, threads, CPU, JVM, versions, git commit. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    /** The flags of {@code environment.cpuFlags}, the field before {@code environment.cpu}, in its order. */
    private static final java.util.List<String> LEGACY_FLAGS = java.util.List.of("avx", "avx2", "fma", "avx512f");

    /**
     * Reads the environment of this JVM; initializes ND4J if it is not yet.
     *
     * @return the current environment
     */
    public static Environment current() {
        Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation();
        CpuInfo cpu = CpuProbe.current(); // one read of /proc/cpuinfo: the older fields derive from it
        return new Environment(
                String.valueOf(nd4j.getOrDefault("backend", "unknown")),
                Nd4j.getBackend().getClass().getName(),
                String.valueOf(Nd4j.factory().blas().getBlasVendor()),
                Nd4j.getEnvironment().maxThreads(),
                Nd4j.factory().blas().getMaxThreads(),
                String.valueOf(Nd4j.dataType()),
                cpu.modelName(),
                String.join(" ", cpu.flags().stream().filter(LEGACY_FLAGS::contains).toList()),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                mavenVersion("org.deeplearning4j", "deeplearning4j-nn"),
                mavenVersion("org.nd4j", "nd4j-api"),
                gitCommit(Path.of(System.getProperty("regbench.home", "."))),
                NativeBuild.current(),
                cpu);
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = EnvironmentProbe.class.getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    private static String gitCommit(Path directory) {
        try {
            String head = run(directory, "git", "rev-parse", "HEAD");
            if (head.isEmpty()) {
                return "unknown";
            }
            String dirty = run(directory, "git", "status", "--porcelain", "--untracked-files=no");
            return dirty.isEmpty() ? head : head + "-dirty";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            return "";
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
