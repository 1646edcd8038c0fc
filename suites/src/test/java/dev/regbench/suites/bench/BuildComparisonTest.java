package dev.regbench.suites.bench;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The class-loader split that lets two builds of the suites module share one ND4J. */
class BuildComparisonTest {
    @Test
    void suitesClassesComeFromTheGivenBuildAndEverythingElseIsShared() throws Exception {
        try (BuildComparison.OwnSuitesClassLoader loader = new BuildComparison.OwnSuitesClassLoader(
                Path.of("target/classes").toUri().toURL(), getClass().getClassLoader())) {
            Class<?> own = loader.loadClass(TrainStep.class.getName());
            assertNotSame(TrainStep.class, own, "the build's own TrainStep, not this JVM's");
            assertSame(loader, own.getClassLoader());
            assertSame(own, loader.loadClass(TrainStep.class.getName()), "loaded once");
            assertSame(INDArray.class, loader.loadClass(INDArray.class.getName()), "ND4J is shared");
        }
    }

    @Test
    void aMissingJarIsNamedWithTheFix() {
        Path missing = Path.of("target/no-such-build.jar");
        IOException e = assertThrows(IOException.class, () -> BuildComparison.run(new BuildComparison.Plan(missing,
                missing, "mnist", "none", 2, 1, 1, "machine", "machine"), line -> { }));
        assertTrue(e.getMessage().contains("no-such-build.jar") && e.getMessage().contains("mvn"), e.getMessage());
    }
}
