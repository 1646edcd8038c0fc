package dev.regbench.suites.tuned;

/**
 * Whether this JVM has the JDK's incubating Vector API ({@code jdk.incubator.vector}), which
 * {@link VectorKernels} needs. Java 17 resolves incubator modules only when asked:
 * {@code --add-modules=jdk.incubator.vector}, which {@code scripts/regbench}, the tests and the JMH forks pass
 * (the JVM then prints one "Using incubator modules" warning at start).
 */
final class VectorApi {
    /** The one-line message when the module is missing, naming the fix. */
    static final String MISSING = "the tuned implementation needs the JDK's Vector API: run java with "
            + "--add-modules=jdk.incubator.vector (scripts/regbench does), or use --implementation stock";
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {
    }

    /** @return whether the module is in this JVM's boot layer */
    static boolean available() {
        return AVAILABLE;
    }

    /** @throws IllegalStateException in one line naming the fix, if the module is missing */
    static void require() {
        if (!AVAILABLE) {
            throw new IllegalStateException(MISSING);
        }
    }
}
