package dev.regbench.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.schema.Environment;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    @Test
    void reportsTheActiveBackendAndVersions() {
        Environment env = EnvironmentProbe.current();
        assertEquals("CPU", env.backend(), "the default build uses the CPU backend");
        assertTrue(env.backendClass().contains("Cpu"), env.backendClass());
        assertEquals("FLOAT", env.dataType());
        assertEquals("1.0.0-M2.1", env.dl4jVersion());
        assertEquals("1.0.0-M2.1", env.nd4jVersion());
        assertTrue(env.ompThreads() >= 1 && env.blasThreads() >= 1);
        assertEquals(Runtime.getRuntime().availableProcessors(), env.cores());
        assertTrue(env.describe().contains("OPENBLAS") || env.describe().contains("MKL"), env.describe());
    }

    @Test
    void runsTheNativeBuildTheBuildAskedFor() {
        // The POM puts the oneDNN build on the classpath and tells the test JVM to load it; if JavaCPP fell back
        // to the plain build, the tuned layers would lose half their speed silently.
        assertEquals("-onednn", System.getProperty(NativeBuild.EXTENSION_PROPERTY));
        assertEquals(org.bytedeco.javacpp.Loader.getPlatform() + "-onednn", NativeBuild.current());
        assertEquals(NativeBuild.current(), EnvironmentProbe.current().nativeBuild());
    }

    @Test
    void threadPoolsTogetherDoNotOversubscribeTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        int omp = org.nd4j.linalg.factory.Nd4j.getEnvironment().maxThreads();
        int blas = ThreadSettings.defaultBlasThreads();
        assertTrue(blas >= 1, "at least one BLAS thread");
        // One OpenMP thread per core leaves BLAS a single thread; fewer OpenMP threads leave BLAS the rest.
        assertTrue(omp * blas <= Math.max(cores, omp), omp + " OpenMP x " + blas + " BLAS threads on " + cores + " cores");
        if (omp < cores) {
            assertTrue(omp * (blas + 1) > cores, "BLAS gets every core OpenMP leaves: " + blas);
        }
    }
}
