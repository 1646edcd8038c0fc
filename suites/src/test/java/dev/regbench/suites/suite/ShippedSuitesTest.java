package dev.regbench.suites.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.DataDraw;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every suite file shipped in suites/ is valid and starts from the unregularized baseline; the headline suites
 * compare the four standard regularizers; every suite with a grid follows the two-stage protocol and draws its
 * training data per seed.
 */
class ShippedSuitesTest {

    @Test
    void allShippedSuitesParse() throws Exception {
        List<Path> files = dev.regbench.suites.Fixtures.shippedSuites();
        Set<String> names = Set.of("mnist.yaml", "mnist-quick.yaml", "polynomial.yaml", "fashion-mnist.yaml",
                "mnist-path.yaml", "polynomial-path.yaml", "mnist-datasize.yaml");
        assertTrue(files.stream().map(p -> p.getFileName().toString()).toList().containsAll(names), files.toString());
        for (Path f : files) {
            Suite suite = SuiteParser.parse(f);
            assertEquals(f.getFileName().toString().replace(".yaml", ""), suite.name(), f + ": name matches file");
            List<String> kinds = suite.variants().stream().map(v -> v.kind().id()).toList();
            assertEquals("none", kinds.get(0), f + ": the baseline comes first");
            if (names.contains(f.getFileName().toString())) {
                assertEquals(List.of("none", "l1", "l2", "dropout-l2"), kinds, f.toString());
            }
            if (suite.variants().stream().anyMatch(Variant::swept)) {
                assertTrue(suite.twoStage(), f + ": a grid is tuned and evaluated on different seeds");
                // Intervals include data sampling, unless the suite trains on the whole pool (nothing to draw).
                boolean wholePool = suite.task() instanceof SuiteTask.ImageClassification ic
                        && ic.trainSizes().stream().allMatch(n -> n + ic.validationSize() == 60000);
                assertEquals(wholePool ? DataDraw.FIXED : DataDraw.PER_SEED, suite.draw(), f + ": data draw");
            }
        }
    }
}
