package dev.regbench.suites;

import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which build of ND4J's native library this JVM runs. ND4J publishes several per platform (plain,
 * {@code -avx2}, {@code -avx512}, {@code -onednn}, …); JavaCPP loads the one named by the system property
 * {@value #EXTENSION_PROPERTY} if its jar is on the classpath. regbench's CPU build ships the oneDNN variant
 * and the launcher selects it (docs/performance.md: its matrix products are about twice as fast here).
 */
public final class NativeBuild {
    /** JavaCPP's system property choosing the build variant, e.g. {@code -onednn}. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private NativeBuild() {
    }

    /**
     * Initializes ND4J if it is not yet.
     *
     * @return the directory name the loaded libnd4j came from, e.g. {@code linux-x86_64-onednn}, or JavaCPP's
     *         platform plus the requested extension if the loaded library is not found
     */
    public static String current() {
        Nd4j.getBackend();
        for (Map.Entry<String, String> loaded : Loader.getLoadedLibraries().entrySet()) {
            if (loaded.getKey().contains("nd4j") && loaded.getValue() != null) {
                Path parent = Path.of(loaded.getValue()).getParent();
                if (parent != null && parent.getFileName() != null) {
                    return parent.getFileName().toString();
                }
            }
        }
        return Loader.getPlatform() + System.getProperty(EXTENSION_PROPERTY, "");
    }
}
