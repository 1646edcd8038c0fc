package dev.regbench.suites.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every suite file shipped in suites/ is valid and compares the four regularizers. */
class ShippedSuitesTest {
    private static final Path ROOT = Path.of(System.getProperty("regbench.home", "..")).toAbsolutePath().normalize();

    @Test
    void allShippedSuitesParse() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve("suites"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Set<String> names = Set.of("mnist.yaml", "mnist-quick.yaml", "polynomial.yaml", "fashion-mnist.yaml");
        assertTrue(files.stream().map(p -> p.getFileName().toString()).toList().containsAll(names), files.toString());
        for (Path f : files) {
            Suite suite = SuiteParser.parse(f);
            assertEquals(f.getFileName().toString().replace(".yaml", ""), suite.name(), f + ": name matches file");
            assertEquals(List.of("none", "l1", "l2", "dropout-l2"),
                    suite.variants().stream().map(v -> v.regularizer().kind()).toList(), f.toString());
        }
    }
}
