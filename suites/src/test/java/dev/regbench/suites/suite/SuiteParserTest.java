package dev.regbench.suites.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.ImageDataset;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.WeightInitScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuiteParserTest {
    static final String VALID = """
            name: t
            dataset: mnist
            trainSize: 1000
            epochs: 3
            batchSize: 64
            seeds: [1, 2]
            network: {hidden: [32, 16], activation: relu}
            optimizer: {type: nesterov, learningRate: 0.05, momentum: 0.9}
            regularizers:
              - {name: none, kind: none}
              - {name: l1, kind: l1, lambda: 1.0e-5}
              - {name: l2, kind: l2, lambda: 1e-4}
              - {name: dropout-l2, kind: dropout-l2, inputRetain: 0.8, hiddenRetain: 0.5, lambda: 1.0e-4}
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("suite.yaml"), yaml);
    }

    private String error(String yaml) throws Exception {
        Path file = write(yaml);
        SuiteException e = assertThrows(SuiteException.class, () -> SuiteParser.parse(file));
        assertTrue(e.getMessage().startsWith(file + ": "), "names the file: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void validSuiteParsesWithDefaults() throws Exception {
        Suite s = SuiteParser.parse(write(VALID));
        assertEquals("t", s.name());
        assertEquals(new SuiteTask.ImageClassification(ImageDataset.MNIST, 1000), s.task());
        assertEquals(List.of(1L, 2L), s.seeds());
        assertEquals(List.of(32, 16), s.hidden());
        assertEquals(Activation.RELU, s.activation());
        assertEquals(WeightInitScheme.HE, s.weightInit(), "He init by default for relu");
        assertEquals(new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.05, 0.9), s.optimizer());
        assertEquals(false, s.penalizeBiases(), "biases unpenalized unless the suite says so");
        assertEquals(new Regularizer.L2(1e-4), s.variants().get(2).regularizer(), "1e-4 without a dot is a number too");
        assertEquals(new Regularizer.DropoutL2(0.8, 0.5, 1e-4), s.variants().get(3).regularizer());
        assertEquals(64, s.fileSha256().length());
    }

    @Test
    void polynomialSuite() throws Exception {
        Suite s = SuiteParser.parse(write("""
                name: p
                dataset: polynomial
                polynomial: {degree: 5, noiseStdDev: 0.2, trainPoints: 20}
                epochs: 3
                batchSize: 20
                seeds: [7]
                network: {hidden: [8], activation: tanh}
                optimizer: {type: adam, learningRate: 0.01}
                regularizers: [{name: none, kind: none}]
                """));
        SuiteTask.PolynomialRegression p = assertInstanceOf(SuiteTask.PolynomialRegression.class, s.task());
        assertEquals(5, p.spec().degree());
        assertEquals(1000, p.spec().testPoints());
        assertEquals(WeightInitScheme.XAVIER, s.weightInit());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "unknown top key          | epochs: 3|epocs: 3                                         | epocs: unknown key (known here:",
        "unknown kind             | kind: l1, lambda: 1.0e-5|kind: l3, lambda: 1.0e-5         | regularizers[1].kind: unknown kind 'l3' (expected one of: none, l1, l2, dropout-l2)",
        "wrong type               | epochs: 3|epochs: ten                                      | epochs: expected an integer, found text \"ten\"",
        "negative lambda          | lambda: 1e-4}|lambda: -1e-4}                               | regularizers[2]: lambda must be a finite number >= 0, was -1.0E-4",
        "retain above one         | hiddenRetain: 0.5|hiddenRetain: 1.5                        | regularizers[3]: hiddenRetain must be in (0, 1]",
        "retain zero              | inputRetain: 0.8|inputRetain: 0                            | regularizers[3]: inputRetain must be in (0, 1]",
        "duplicate names          | {name: l1, kind: l1|{name: none, kind: l1                  | regularizer name 'none' is used twice",
        "key not valid for kind   | {name: none, kind: none}|{name: none, kind: none, lambda: 1} | regularizers[0].lambda: unknown key (known here: kind, name)",
        "missing required key     | batchSize: 64|''                                          | batchSize: required key is missing",
        "unknown dataset          | dataset: mnist|dataset: cifar10                            | dataset: unknown dataset 'cifar10'",
        "momentum with plain sgd  | type: nesterov|type: sgd                                   | optimizer: momentum is only for type nesterov",
        "trainSize too large      | trainSize: 1000|trainSize: 70000                           | trainSize: must be in [1, 60000], was 70000",
        "duplicate seeds          | seeds: [1, 2]|seeds: [1, 1]                                | seeds must be distinct",
        "bad activation           | activation: relu|activation: swish                         | network.activation: unknown value 'swish'",
        "duplicate key            | epochs: 3|epochs: 3\\nepochs: 4                             | not valid YAML",
    })
    void badSuitesAreRefusedWithFileFieldAndProblem(String name, String from, String to, String expected)
            throws Exception {
        assertTrue(VALID.contains(from), "fixture must contain " + from);
        String message = error(VALID.replace(from, to.replace("\\n", "\n")));
        assertTrue(message.startsWith(expected.strip()) || message.contains(expected.strip()),
                name + ": " + message);
    }

    @Test
    void emptyRegularizerListIsRefused() throws Exception {
        String yaml = VALID.substring(0, VALID.indexOf("regularizers:")) + "regularizers: []\n";
        assertTrue(error(yaml).contains("regularizers must list at least one regularizer"));
    }

    @Test
    void emptyAndMissingFiles() throws Exception {
        assertTrue(error("").contains("the file is empty"));
        Path missing = dir.resolve("nope.yaml");
        SuiteException e = assertThrows(SuiteException.class, () -> SuiteParser.parse(missing));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void overridesChangeTheConfigurationHash() throws Exception {
        Suite s = SuiteParser.parse(write(VALID));
        Variant l2 = s.variants().get(2);
        Suite shorter = s.withOverrides(1, null, null, null);
        assertNotEquals(s.effectiveSha256(l2), shorter.effectiveSha256(l2));
        assertEquals(List.of("epochs=1"), shorter.overrides());
        Suite filtered = s.withOverrides(null, null, List.of(9L), List.of("l2"));
        assertEquals(s.effectiveSha256(l2), filtered.effectiveSha256(l2), "selecting runs does not change a run");
        assertEquals(1, filtered.variants().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.withOverrides(null, null, null, List.of("l3")));
        assertTrue(e.getMessage().contains("no regularizer named 'l3'"), e.getMessage());
    }
}
