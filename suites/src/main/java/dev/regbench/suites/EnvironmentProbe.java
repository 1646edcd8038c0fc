package dev.regbench.suites;

import dev.regbench.reports.schema.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;

/** Reads the {@link Environment} of this JVM: ND4J backend, BLAS, threads, CPU, JVM, versions, git commit. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    /**
     * Reads the environment of this JVM; initializes ND4J if it is not yet.
     *
     * @return the current environment
     */
    public static Environment current() {
        Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation();
        return new Environment(
                String.valueOf(nd4j.getOrDefault("backend", "unknown")),
                Nd4j.getBackend().getClass().getName(),
                String.valueOf(Nd4j.factory().blas().getBlasVendor()),
                Nd4j.getEnvironment().maxThreads(),
                Nd4j.factory().blas().getMaxThreads(),
                String.valueOf(Nd4j.dataType()),
                cpuInfo("model name").orElse("unknown"),
                readCpuFlags(),
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
                CpuProbe.current());
    }

    private static Optional<String> cpuInfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                    return Optional.of(line.substring(colon + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no access: the caller says "unknown"
        }
        return Optional.empty();
    }

    private static String readCpuFlags() {
        String flags = " " + cpuInfo("flags").orElse("") + " ";
        StringBuilder present = new StringBuilder();
        for (String f : new String[] {"avx", "avx2", "fma", "avx512f"}) {
            if (flags.contains(" " + f + " ")) {
                present.append(present.length() == 0 ? "" : " ").append(f);
            }
        }
        return present.toString();
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
