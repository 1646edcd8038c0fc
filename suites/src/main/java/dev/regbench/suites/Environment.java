package dev.regbench.suites;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a result was computed: hardware, native backend and software versions. Every result file embeds
 * one, so that numbers can be compared knowing what produced them.
 *
 * @param backend       the active ND4J backend: {@code CPU} or {@code CUDA}
 * @param backendClass  the ND4J backend implementation class
 * @param blasVendor    BLAS library ND4J uses ({@code OPENBLAS}, {@code MKL}, {@code CUBLAS}, …)
 * @param ompThreads    OpenMP threads of libnd4j, ≥ 1
 * @param blasThreads   BLAS threads, ≥ 1
 * @param dataType      ND4J's default floating-point type ({@code FLOAT} = float32)
 * @param cpuModel      CPU model name from {@code /proc/cpuinfo}, or {@code unknown}
 * @param cpuFlags      vector extensions the CPU reports (subset of avx, avx2, avx512f, fma)
 * @param cores         logical cores the JVM sees
 * @param maxHeapBytes  JVM maximum heap, in bytes
 * @param jvm           JVM vendor, name and version
 * @param os            operating system name, version and architecture
 * @param dl4jVersion   Deeplearning4j version on the classpath
 * @param nd4jVersion   ND4J version on the classpath
 * @param gitCommit     commit of the regbench checkout (with {@code -dirty} if it has local changes), or
 *                      {@code unknown}
 */
public record Environment(String backend, String backendClass, String blasVendor, int ompThreads, int blasThreads,
                          String dataType, String cpuModel, String cpuFlags, int cores, long maxHeapBytes,
                          String jvm, String os, String dl4jVersion, String nd4jVersion, String gitCommit) {

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
                gitCommit(Path.of(System.getProperty("regbench.home", "."))));
    }

    /** @return a few lines for humans, e.g. for {@code regbench env} and log headers */
    public String describe() {
        return String.format(Locale.ROOT,
                "backend      %s (%s)%nBLAS         %s, %d threads%nOpenMP       %d threads%ndata type    %s%n"
                        + "CPU          %s, %d logical cores, %s%nJVM          %s, max heap %d MiB%nOS           %s%n"
                        + "DL4J / ND4J  %s / %s%ncommit       %s",
                backend, backendClass, blasVendor, blasThreads, ompThreads, dataType, cpuModel, cores,
                cpuFlags.isEmpty() ? "no AVX" : cpuFlags, jvm, maxHeapBytes >> 20, os, dl4jVersion, nd4jVersion,
                gitCommit);
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
        try (InputStream in = Environment.class.getResourceAsStream(resource)) {
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
