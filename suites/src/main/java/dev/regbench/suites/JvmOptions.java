package dev.regbench.suites;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options a JVM that trains needs, by Java version (17 to 25) — the list {@code scripts/regbench} passes
 * (a test holds the two equal), for the JVMs regbench starts itself (tests' child processes, Spark executors):
 * <ul>
 *   <li>{@code --add-modules=jdk.incubator.vector}, the Vector API of the tuned kernels, plus on Java 17–18
 *       {@code jdk.incubator.foreign}, the foreign linker of the update pass's OpenMP region (Java 19+ no longer
 *       has that module, and a JVM asked for a module it lacks does not start; Java 22+ has {@code java.lang.foreign}
 *       in {@code java.base});</li>
 *   <li>{@code --enable-native-access=ALL-UNNAMED}: the foreign linker's upcalls, and on Java 24+ JNI without a
 *       warning per library;</li>
 *   <li>on Java 24+ {@code --sun-misc-unsafe-memory-access=allow}: JavaCPP and ND4J read off-heap memory through
 *       {@code sun.misc.Unsafe}, which those JDKs announce on stderr at every start otherwise.</li>
 * </ul>
 */
public final class JvmOptions {
    private JvmOptions() {
    }

    /**
     * @param feature the Java feature version, ≥ 17
     * @return the options, in the launcher's order
     */
    public static List<String> forJava(int feature) {
        List<String> options = new ArrayList<>();
        options.add(feature < 19 ? "--add-modules=jdk.incubator.vector,jdk.incubator.foreign"
                : "--add-modules=jdk.incubator.vector");
        options.add("--enable-native-access=ALL-UNNAMED");
        if (feature >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }

    /** @return the options for a JVM of this JVM's Java version */
    public static List<String> forThisJava() {
        return forJava(Runtime.version().feature());
    }
}
