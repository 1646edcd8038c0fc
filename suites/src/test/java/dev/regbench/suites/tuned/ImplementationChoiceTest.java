package dev.regbench.suites.tuned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.suites.network.Implementation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where the tuned implementation runs: here (CPU backend, Vector API, self-test passing) it is chosen with this
 * machine's layout; on any other backend, without the Vector API or after a failed self-test, regbench trains with
 * DL4J's stock classes and says why in one line — checked in a real JVM started without the module.
 */
class ImplementationChoiceTest {
    private static final String CPU = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    @Test
    void thisJvmTrainsTunedWithThisMachinesLayout() {
        Implementation.Choice c = Implementation.TUNED.choose();
        assertEquals(Implementation.TUNED, c.used(), String.valueOf(c.note()));
        assertEquals(ActivationLayout.forThisMachine().id(), c.layout());
        assertEquals(null, c.note());
        Implementation.Choice stock = Implementation.STOCK.choose();
        assertEquals(Implementation.STOCK, stock.used());
        assertEquals(null, stock.layout(), "stock has no activation layout");
    }

    @Test
    void everyPreconditionThatFailsNamesItselfAndTheSelfTestRunsOnlyWhereTheRestHolds() {
        boolean[] selfTestRan = {false};
        java.util.function.Supplier<Optional<String>> selfTest = () -> {
            selfTestRan[0] = true;
            return Optional.empty();
        };
        String cuda = TunedAccelerator.unavailable("org.nd4j.linalg.jcublas.JCublasBackend", true, () -> true, selfTest)
                .orElseThrow();
        assertTrue(cuda.contains("CPU backend only") && cuda.contains("JCublasBackend"), cuda);
        assertFalse(selfTestRan[0], "no kernel runs on a backend whose arrays it cannot write");
        assertEquals(VectorApi.MISSING, TunedAccelerator.unavailable(CPU, false, () -> true, selfTest).orElseThrow());
        assertTrue(TunedAccelerator.unavailable(CPU, true, () -> false, selfTest).orElseThrow().contains("off-heap memory"));
        assertFalse(selfTestRan[0]);
        assertEquals("kernel self-test failed: relu", TunedAccelerator.unavailable(CPU, true, () -> true,
                () -> Optional.of("kernel self-test failed: relu")).orElseThrow());
        assertEquals(Optional.empty(), TunedAccelerator.unavailable(CPU, true, () -> true, selfTest));
        assertTrue(selfTestRan[0]);
        assertFalse(cuda.contains("\n") || VectorApi.MISSING.contains("\n"), "one line each");
    }

    /** Prints the choice of a JVM; the test starts it without {@code --add-modules=jdk.incubator.vector}. */
    public static void main(String[] args) {
        Implementation.Choice c = Implementation.TUNED.choose();
        System.out.println("used=" + c.used().id());
        System.out.println("note=" + c.note());
    }

    @Test
    void aJvmWithoutTheVectorApiTrainsStockAndSaysWhy() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty(
                        "org.bytedeco.javacpp.platform.extension", "-onednn"),
                ImplementationChoiceTest.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("used=stock"), out);
        assertTrue(out.contains("note=" + VectorApi.MISSING), out);
    }
}
