package dev.regbench.suites.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.DataDraw;
import dev.regbench.datasets.ImageDataset;
import dev.regbench.reports.schema.PublishedReference;
import dev.regbench.reports.select.SelectionPolicy;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.LearningRateSchedule;
import dev.regbench.suites.network.MomentumRamp;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.Component;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
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

    /** @return the one problem of a suite with exactly one problem, without the file name */
    private String error(String yaml) throws Exception {
        List<String> problems = errors(yaml);
        assertEquals(1, problems.size(), "one line: " + problems);
        return problems.get(0);
    }

    /** @return every problem of a suite, one line each, without the file name (each line names the file) */
    private List<String> errors(String yaml) throws Exception {
        Path file = write(yaml);
        SuiteException e = assertThrows(SuiteException.class, () -> SuiteParser.parse(file));
        assertEquals(e.lines(), e.getMessage().lines().toList());
        for (String line : e.lines()) {
            assertTrue(line.startsWith(file + ": "), "names the file: " + line);
        }
        return e.lines().stream().map(l -> l.substring(file.toString().length() + 2)).toList();
    }

    @Test
    void validSuiteParsesWithDefaults() throws Exception {
        Suite s = SuiteParser.parse(write(VALID));
        assertEquals("t", s.name());
        assertEquals(new SuiteTask.ImageClassification(ImageDataset.MNIST, List.of(1000), 10_000), s.task(),
                "10,000 validation images by default, as Srivastava et al. hold out");
        assertEquals(new SeedPlan.SingleStage(List.of(1L, 2L)), s.seeds());
        assertEquals(DataDraw.FIXED, s.draw());
        assertEquals(SelectionPolicy.DEFAULT, s.selection());
        assertEquals(List.of(32, 16), s.hidden());
        assertEquals(Activation.RELU, s.activation());
        assertEquals(WeightInitScheme.HE, s.weightInit(), "He init by default for relu");
        assertEquals(new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.05, 0.9), s.optimizer());
        assertEquals(false, s.penalizeBiases(), "biases unpenalized unless the suite says so");
        assertEquals(RegularizerKind.L2.with(1e-4), s.variants().get(2).points().get(0).regularizer(),
                "1e-4 without a dot is a number too");
        assertEquals(RegularizerKind.DROPOUT_L2.with(0.8, 0.5, 1e-4), s.variants().get(3).points().get(0).regularizer());
        assertTrue(s.variants().stream().noneMatch(Variant::swept));
        assertEquals(64, s.fileSha256().length());
    }

    static final String EVERY_KIND = VALID.replace("""
              - {name: dropout-l2, kind: dropout-l2, inputRetain: 0.8, hiddenRetain: 0.5, lambda: 1.0e-4}
            """, """
              - {name: dropout-l2, kind: dropout-l2, inputRetain: 0.8, hiddenRetain: 0.5, lambda: 1.0e-4}
              - {name: l1-l2, kind: l1-l2, l1: 1.0e-5, l2: 1.0e-4}
              - {name: max-norm, kind: max-norm, maxNorm: 3.0}
              - {name: dropout, kind: dropout, inputRetain: 0.8, hiddenRetain: 0.5}
              - {name: dropout-max-norm, kind: dropout-max-norm, inputRetain: 0.8, hiddenRetain: 0.5, maxNorm: 3.0}
              - {name: weight-decay, kind: weight-decay, lambda: 1.0e-4}
              - {name: mine, kind: composite, l1: 1.0e-6, maxNorm: 2.5, hiddenRetain: 0.7}
            """);

    @Test
    void everyKindParsesWithTheIssuesSyntax() throws Exception {
        Suite s = SuiteParser.parse(write(EVERY_KIND));
        List<Regularizer> r = s.variants().stream().map(v -> v.points().get(0).regularizer()).toList();
        assertEquals(List.of(new Component.L1(1e-5), new Component.L2(1e-4)), r.get(4).components());
        assertEquals(List.of(new Component.MaxNorm(3.0)), r.get(5).components());
        assertEquals(List.of(new Component.Dropout(0.8, 0.5)), r.get(6).components());
        assertEquals(List.of(new Component.Dropout(0.8, 0.5), new Component.MaxNorm(3.0)), r.get(7).components());
        assertEquals(List.of(new Component.WeightDecay(1e-4)), r.get(8).components());
        assertEquals(List.of(new Component.L1(1e-6), new Component.MaxNorm(2.5), new Component.Dropout(1.0, 0.7)),
                r.get(9).components(), "a composite's missing retain probability is 1");
        assertEquals(java.util.Map.of("l1", 1e-6, "maxNorm", 2.5, "hiddenRetain", 0.7), r.get(9).parameters());
        // every numeric key sweeps like lambda
        Suite swept = SuiteParser.parse(write(EVERY_KIND.replace("maxNorm: 3.0}", "maxNorm: [2.0, 3.0, 4.0]}")
                .replace("seeds: [1, 2]", "tuneSeeds: [1, 2]\nevalSeeds: [3, 4]")));
        assertEquals(List.of("max-norm-maxNorm=2", "max-norm-maxNorm=3", "max-norm-maxNorm=4"),
                swept.variants().get(5).points().stream().map(Point::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "max-norm zero        | kind: max-norm, maxNorm: 3.0}|kind: max-norm, maxNorm: 0} | regularizers[5]: maxNorm must be a finite number > 0",
        "max-norm missing     | kind: max-norm, maxNorm: 3.0|kind: max-norm             | regularizers[5].maxNorm: required key is missing",
        "key of another kind  | kind: max-norm, maxNorm: 3.0|kind: max-norm, maxNorm: 3.0, lambda: 1 | regularizers[5].lambda: unknown key (known here: kind, maxNorm, name)",
        "l1-l2 negative l1    | l1: 1.0e-5, l2|l1: -1, l2                               | regularizers[4]: l1 must be a finite number >= 0, was -1.0",
        "dropout retain zero  | kind: dropout, inputRetain: 0.8|kind: dropout, inputRetain: 0 | regularizers[6]: inputRetain must be in (0, 1]",
        "decay sweep negative | kind: weight-decay, lambda: 1.0e-4|kind: weight-decay, lambda: [1.0e-4, -1] | regularizers[8]: lambda must be a finite number >= 0",
        "null in a composite  | l1: 1.0e-6, maxNorm|weightDecay: null, l1: 1.0e-6, maxNorm | regularizers[9].weightDecay: has no value (give one or remove the key)",
        "composite of nothing | , l1: 1.0e-6, maxNorm: 2.5, hiddenRetain: 0.7|''           | regularizers[9]: kind composite needs at least one of [l1, l2, weightDecay, maxNorm, inputRetain, hiddenRetain]",
        "l2 with weight decay | l1: 1.0e-6, maxNorm|l2: 1.0e-4, weightDecay: 1.0e-4, maxNorm | regularizers[9]: kind composite: l2 and weightDecay are two ways of applying the same penalty",
        "composite unknown key| l1: 1.0e-6,|lambda: 1.0e-6,                           | regularizers[9].lambda: unknown key (known here: hiddenRetain, inputRetain, kind, l1, l2, maxNorm, name, weightDecay)",
    })
    void badParametersOfNewKindsAreOneLineEach(String name, String from, String to, String expected) throws Exception {
        assertTrue(EVERY_KIND.contains(from), "fixture must contain " + from);
        String message = error(EVERY_KIND.replace(from, to));
        assertTrue(message.startsWith(expected.strip()), name + ": " + message);
    }

    @Test
    void labelNoiseIsAConditionAxisAndTrueLabelsHashAsBefore() throws Exception {
        Suite plain = SuiteParser.parse(write(VALID));
        Suite noisy = SuiteParser.parse(write(VALID.replace("trainSize: 1000", "trainSize: 1000\nlabelNoise: [0, 1.0]")));
        assertEquals(List.of(new DataCondition(1000, 0), new DataCondition(1000, 1.0)), noisy.conditions());
        Point l2 = noisy.variants().get(2).points().get(0);
        assertEquals(plain.effectiveSha256(l2, new DataCondition(1000, 0)),
                noisy.effectiveSha256(l2, new DataCondition(1000, 0)), "the true-label runs keep their identity");
        assertNotEquals(noisy.effectiveSha256(l2, new DataCondition(1000, 0)),
                noisy.effectiveSha256(l2, new DataCondition(1000, 1.0)));
        assertEquals(plain.experimentSha256(), noisy.experimentSha256(), "noise is a condition, like the size");
        assertEquals("labelNoise: labelNoise must list fractions in [0, 1] (of the training labels replaced by random "
                + "ones), was [1.5]", error(VALID.replace("trainSize: 1000", "trainSize: 1000\nlabelNoise: 1.5")));
        assertTrue(error(VALID.replace("trainSize: 1000", "trainSize: 1000\nlabelNoise: [0.5, 0.5]"))
                .startsWith("labelNoise: "));
        assertEquals("labelNoise: replaces class labels, so it is only for mnist and fashion-mnist; the polynomial "
                + "task's noise is polynomial.noiseStdDev", error("""
                name: p
                dataset: polynomial
                polynomial: {degree: 3, noiseStdDev: 0.1}
                labelNoise: 0.5
                epochs: 3
                batchSize: 20
                seeds: [7]
                network: {hidden: [8], activation: tanh}
                optimizer: {type: adam, learningRate: 0.01}
                regularizers: [{name: none, kind: none}]
                """));
    }

    static final String REFERENCE = """
            reference:
              citation: Srivastava et al. 2014, JMLR 15, Table 9
              setup: shorter training
              values: {l2: 1.62, dropout-l2: 1.25}
            """;

    @Test
    void aReferenceBlockCarriesPublishedNumbersAndChangesNoRun() throws Exception {
        Suite plain = SuiteParser.parse(write(VALID));
        Suite s = SuiteParser.parse(write(VALID + REFERENCE));
        PublishedReference r = s.reference();
        assertEquals(PublishedReference.Metric.TEST_ERROR, r.metric(), "test error in percent by default");
        assertEquals(java.util.Map.of("l2", 1.62, "dropout-l2", 1.25), r.values());
        assertEquals("Srivastava et al. 2014, JMLR 15, Table 9", r.citation());
        Point l2 = s.variants().get(2).points().get(0);
        assertEquals(plain.effectiveSha256(l2, new DataCondition(1000, 0)), s.effectiveSha256(l2,
                new DataCondition(1000, 0)), "citing a paper changes no run");
        assertEquals(plain.experimentSha256(), s.experimentSha256());
        assertEquals(java.util.Map.of("l2", 1.62), s.withOverrides(new Suite.Overrides(null, null, null, null, null,
                List.of("none", "l2"))).reference().values(), "--only keeps the remaining regularizers' numbers");

        assertTrue(error(VALID + REFERENCE.replace("l2: 1.62", "l3: 1.62")).startsWith(
                "reference.values.l3: the suite has no regularizer named 'l3'"), "names a regularizer");
        assertEquals("reference: values.l2 must be a test error in percent, in [0, 100], was 162.0",
                error(VALID + REFERENCE.replace("l2: 1.62", "l2: 162")));
        assertTrue(error(VALID + REFERENCE.replace("  setup: shorter training\n", "")).startsWith(
                "reference.setup: required key is missing"));
        assertTrue(error(VALID + REFERENCE + "  metric: accuracy\n").startsWith("reference.metric: unknown metric"));
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
        assertEquals(200, p.spec().validationPoints(), "200 validation points by default");
        assertEquals(List.of(20), p.trainSizes());
        assertEquals(WeightInitScheme.XAVIER, s.weightInit());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "unknown top key          | epochs: 3|epocs: 3                                         | epocs: unknown key (known here:",
        "unknown kind             | kind: l1, lambda: 1.0e-5|kind: l3, lambda: 1.0e-5         | regularizers[1].kind: unknown kind 'l3' (expected one of: none, l1, l2, l1-l2, weight-decay, max-norm, dropout, dropout-l2, dropout-max-norm, composite)",
        "wrong type               | epochs: 3|epochs: ten                                      | epochs: expected an integer, found text \"ten\"",
        "negative lambda          | lambda: 1e-4}|lambda: -1e-4}                               | regularizers[2]: lambda must be a finite number >= 0, was -1.0E-4",
        "retain above one         | hiddenRetain: 0.5|hiddenRetain: 1.5                        | regularizers[3]: hiddenRetain must be in (0, 1]",
        "retain zero              | inputRetain: 0.8|inputRetain: 0                            | regularizers[3]: inputRetain must be in (0, 1]",
        "duplicate names          | {name: l1, kind: l1|{name: none, kind: l1                  | regularizer name 'none' is used twice",
        "key not valid for kind   | {name: none, kind: none}|{name: none, kind: none, lambda: 1} | regularizers[0].lambda: unknown key (known here: kind, name)",
        "missing required key     | batchSize: 64|''                                          | batchSize: required key is missing",
        "unknown dataset          | dataset: mnist|dataset: cifar10                            | dataset: unknown dataset 'cifar10'",
        "momentum with plain sgd  | type: nesterov|type: sgd                                   | optimizer.momentum: momentum is only for type nesterov",
        "trainSize too large      | trainSize: 1000|trainSize: 55000                           | trainSize: trainSize must be in [1, 50000] (the 60000 training images minus validationSize 10000), was 55000",
        "duplicate seeds          | seeds: [1, 2]|seeds: [1, 1]                                | seeds: seeds must be distinct",
        "bad activation           | activation: relu|activation: swish                         | network.activation: unknown value 'swish'",
        "duplicate key            | epochs: 3|epochs: 3\\nepochs: 4                             | not valid YAML",
    })
    void badSuitesAreRefusedWithFileFieldAndProblem(String name, String from, String to, String expected)
            throws Exception {
        assertTrue(VALID.contains(from), "fixture must contain " + from);
        List<String> messages = errors(VALID.replace(from, to.replace("\\n", "\n")));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(expected.strip()) || m.contains(expected.strip())),
                name + ": " + messages);
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
        Point l2 = s.variants().get(2).points().get(0);
        Suite shorter = s.withOverrides(new Suite.Overrides(1, null, null, null, null, null));
        assertNotEquals(s.effectiveSha256(l2, new DataCondition(1000, 0)), shorter.effectiveSha256(l2, new DataCondition(1000, 0)));
        assertNotEquals(s.experimentSha256(), shorter.experimentSha256());
        assertEquals(List.of("epochs=1"), shorter.overrides());
        Suite filtered = s.withOverrides(new Suite.Overrides(null, null, List.of(9L), null, null, List.of("l2")));
        assertEquals(s.effectiveSha256(l2, new DataCondition(1000, 0)), filtered.effectiveSha256(l2, new DataCondition(1000, 0)),
                "selecting runs does not change a run");
        assertEquals(s.experimentSha256(), filtered.experimentSha256());
        assertEquals(1, filtered.variants().size());
        assertNotEquals(s.effectiveSha256(l2, new DataCondition(1000, 0)), s.effectiveSha256(l2, new DataCondition(2000, 0)), "the training-set size counts");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.withOverrides(new Suite.Overrides(null, null, null, null, null, List.of("l3"))));
        assertTrue(e.getMessage().contains("no regularizer named 'l3'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.withOverrides(new Suite.Overrides(null, null, null, List.of(1L), null, null)));
        assertTrue(e.getMessage().contains("use --seeds"), e.getMessage());
    }

    static final String TWO_STAGE = """
            name: t2
            dataset: mnist
            trainSize: 1000
            epochs: 3
            batchSize: 64
            tuneSeeds: [1, 2]
            evalSeeds: [11, 12, 13]
            network: {hidden: [32], activation: relu}
            optimizer: {type: nesterov, learningRate: 0.05, momentum: 0.9}
            regularizers:
              - {name: none, kind: none}
              - {name: l1, kind: l1, lambda: {logspace: [1.0e-6, 1.0e-2], points: 5}}
              - {name: l2, kind: l2, lambda: [1.0e-5, 3.0e-4]}
              - {name: dropout-l2, kind: dropout-l2, inputRetain: 0.8, hiddenRetain: {linspace: [0.5, 0.9], points: 3}, lambda: 1.0e-4}
            """;

    @Test
    void sweepsExpandIntoAGridWithStableNames() throws Exception {
        Suite s = SuiteParser.parse(write(TWO_STAGE));
        assertTrue(s.twoStage());
        assertEquals(List.of(1L, 2L), s.seeds().seeds(dev.regbench.reports.schema.Stage.TUNE));
        assertEquals(List.of(11L, 12L, 13L), s.seeds().seeds(dev.regbench.reports.schema.Stage.EVAL));
        List<Point> l1 = s.variants().get(1).points();
        double[] expected = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2};
        assertEquals(5, l1.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], l1.get(i).values().get("lambda"), expected[i] * 1e-12, "log-spaced, ends exact");
        }
        assertEquals(List.of("l1-lambda=1e-6", "l1-lambda=1e-5", "l1-lambda=1e-4", "l1-lambda=0.001", "l1-lambda=0.01"),
                l1.stream().map(Point::id).toList());
        assertEquals(List.of(1e-5, 3e-4), s.variants().get(2).points().stream().map(p -> p.values().get("lambda"))
                .toList(), "a list is taken as written");
        List<Point> dropout = s.variants().get(3).points();
        assertEquals(List.of("dropout-l2-hiddenRetain=0.5", "dropout-l2-hiddenRetain=0.7", "dropout-l2-hiddenRetain=0.9"),
                dropout.stream().map(Point::id).toList(), "only swept parameters name the point");
        assertEquals(RegularizerKind.DROPOUT_L2.with(0.8, 0.7, 1e-4), dropout.get(1).regularizer());
        assertEquals(java.util.Map.of("hiddenRetain", 0.7), dropout.get(1).swept());
        assertEquals("none", s.variants().get(0).points().get(0).id());
        assertEquals(1, s.variants().get(0).points().size());
    }

    @Test
    void trainSizeSweepsAndRoundsALogRangeToWholeExamples() throws Exception {
        Suite s = SuiteParser.parse(write(TWO_STAGE.replace("trainSize: 1000",
                "trainSize: {logspace: [1000, 50000], points: 3}")));
        assertEquals(List.of(1000, 7071, 50000), s.trainSizes());
        assertEquals(List.of("trainSize: duplicate sizes after rounding to whole examples: [1, 1, 2] (fewer points)"),
                errors(TWO_STAGE.replace("trainSize: 1000", "trainSize: {logspace: [1, 2], points: 3}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', emptyValue = "", value = {
        "empty list              | lambda: [1.0e-5, 3.0e-4]|lambda: []                    | regularizers[2].lambda: an empty list has no value to run",
        "duplicate points        | lambda: [1.0e-5, 3.0e-4]|lambda: [1.0e-5, 1.00001e-5]  | regularizers[2].lambda: duplicate point 1e-5",
        "range with one point    | points: 5|points: 1                                       | regularizers[1].lambda: a range needs points >= 2",
        "swept key of no kind    | lambda: [1.0e-5, 3.0e-4]}|lambda: [1.0e-5, 3.0e-4], hiddenRetain: [0.5, 0.8]} | regularizers[2].hiddenRetain: unknown key (known here: kind, lambda, name)",
        "log bound at zero       | logspace: [1.0e-6, 1.0e-2]|logspace: [0, 1.0e-2]         | regularizers[1].lambda: logspace bounds must be > 0",
        "range without scale     | {logspace: [1.0e-6, 1.0e-2], points: 5}|{from: 1, points: 5} | regularizers[1].lambda: a range is {logspace",
        "swept value out of range| hiddenRetain: {linspace: [0.5, 0.9], points: 3}|hiddenRetain: {linspace: [0.5, 1.5], points: 3} | regularizers[3]: hiddenRetain must be in (0, 1]",
        "overlapping seeds       | evalSeeds: [11, 12, 13]|evalSeeds: [2, 12, 13]          | evalSeeds: tuneSeeds and evalSeeds overlap in [2]",
        "grid on one stage       | tuneSeeds: [1, 2]\\nevalSeeds: [11, 12, 13]|seeds: [1, 2] | seeds: regularizer 'l1' sweeps a parameter: give tuneSeeds and evalSeeds",
        "seeds and tuneSeeds     | tuneSeeds: [1, 2]|seeds: [3]\\ntuneSeeds: [1, 2]        | seeds: give either seeds (one stage) or tuneSeeds and evalSeeds",
        "tune without eval       | evalSeeds: [11, 12, 13]|\"\"                             | evalSeeds: two stages need both tuneSeeds and evalSeeds",
        "no validation set       | trainSize: 1000|trainSize: 1000\\nvalidationSize: 0      | validationSize: 0 leaves nothing to choose on",
        "unknown selection metric| epochs: 3|epochs: 3\\nselection: {metric: test-loss}      | selection.metric: unknown value 'test-loss'",
        "patience without rule   | epochs: 3|epochs: 3\\nselection: {patience: 3}          | selection: patience is only for epoch: patience",
        "bad data draw           | epochs: 3|epochs: 3\\ndataDraw: sometimes                | dataDraw: must be fixed or per-seed",
    })
    void badSweepsAndProtocolsAreRefusedBeforeTraining(String name, String from, String to, String expected)
            throws Exception {
        assertTrue(TWO_STAGE.contains(from.replace("\\n", "\n")), "fixture must contain " + from);
        List<String> messages = errors(TWO_STAGE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n")));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(expected.strip())), name + ": " + messages);
    }

    @Test
    void twoStagesNeedSomethingToTune() throws Exception {
        String yaml = VALID.replace("seeds: [1, 2]", "tuneSeeds: [1, 2]\nevalSeeds: [3, 4]");
        assertTrue(error(yaml).startsWith("tuneSeeds: two stages need a swept regularizer parameter"), error(yaml));
    }

    @Test
    void exploratorySuitesMayRunAGridWithoutValidationButCannotChooseEpochs() throws Exception {
        String exploratory = TWO_STAGE.replace("tuneSeeds: [1, 2]\nevalSeeds: [11, 12, 13]", "seeds: [1, 2]")
                .replace("epochs: 3", "epochs: 3\nexploratory: true\nvalidationSize: 0");
        Suite s = SuiteParser.parse(write(exploratory));
        assertTrue(s.exploratory());
        assertEquals(0, s.task().validationSize());
        assertEquals(List.of("selection.epoch: best chooses on the validation curve, and this suite has no validation set"),
                errors(exploratory.replace("exploratory: true", "exploratory: true\nselection: {epoch: best}")));
        String polynomial = """
                name: p
                dataset: polynomial
                polynomial: {degree: 3, noiseStdDev: 0.1}
                epochs: 3
                batchSize: 8
                seeds: [1]
                selection: {metric: validation-error}
                network: {hidden: [4]}
                optimizer: {type: sgd, learningRate: 0.1}
                regularizers: [{name: none, kind: none}]
                """;
        assertTrue(error(polynomial).startsWith("selection.metric: validation-error needs a classification task"));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws Exception {
        String yaml = VALID.replace("type: nesterov", "type: adamw").replace("lambda: 1e-4}", "lambda: -1}")
                .replace("epochs: 3", "epocs: 3").replace("activation: relu", "activation: swish");
        List<String> problems = errors(yaml);
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("epocs: unknown key")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("epochs: required key is missing")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("optimizer.type: unknown value 'adamw'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("regularizers[2]: lambda must be")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("network.activation: unknown value 'swish'")),
                problems.toString());
    }

    @Test
    void aSweptLearningRateIsAnAxisOfEveryRegularizerTheBaselineIncluded() throws Exception {
        Suite s = SuiteParser.parse(write(VALID.replace("seeds: [1, 2]", "tuneSeeds: [1]\nevalSeeds: [2]")
                .replace("learningRate: 0.05, momentum: 0.9", "learningRate: [0.01, 0.03], momentum: [0.8, 0.9]")));
        for (Variant v : s.variants()) {
            assertEquals(List.of("learningRate", "momentum"), v.sweptKeys().subList(0, 2), v.name());
            assertEquals(4, v.points().size(), v.name() + ": 2 learning rates x 2 momenta");
        }
        Variant none = s.variants().get(0);
        assertTrue(none.swept(), "the baseline is tuned too");
        Point p = none.points().get(1);
        assertEquals("none-learningRate=0.01-momentum=0.9", p.id());
        OptimizerSpec o = p.optimizer(s.optimizer());
        assertEquals(0.01, o.learningRate());
        assertEquals(0.9, o.momentum());
        assertEquals(Regularizer.none(), p.regularizer(), "the optimizer's axes are not the regularizer's");
        assertNotEquals(s.effectiveSha256(none.points().get(0), s.conditions().get(0)),
                s.effectiveSha256(none.points().get(1), s.conditions().get(0)));
        // A fixed learning rate hashes as it always did.
        Suite fixed = SuiteParser.parse(write(VALID));
        assertTrue(fixed.variants().stream().noneMatch(Variant::swept));
        assertEquals(0.05, fixed.optimizer().learningRate());
    }

    @Test
    void schedulesAndMomentumRampsParseAndBadOnesAreOneLineEach() throws Exception {
        Suite s = SuiteParser.parse(write(VALID.replace("learningRate: 0.05, momentum: 0.9",
                "learningRate: 0.05, momentum: 0.5, schedule: {type: step, everyEpochs: 2, factor: 0.5, warmupEpochs: 1},"
                        + " momentumRamp: {to: 0.99, overEpochs: 3}")));
        assertEquals(new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 2, 1), s.optimizer().schedule());
        assertEquals(new MomentumRamp(0.99, 3), s.optimizer().momentumRamp());
        assertTrue(error(VALID.replace("learningRate: 0.05, momentum: 0.9",
                "learningRate: 0.05, schedule: {type: step, factor: 0.5}")).startsWith("optimizer.schedule.everyEpochs"));
        assertTrue(error(VALID.replace("learningRate: 0.05, momentum: 0.9",
                "learningRate: 0.05, schedule: {type: exponential, factor: 1.5}")).contains("factor must be in (0, 1]"));
        assertTrue(error(VALID.replace("learningRate: 0.05, momentum: 0.9",
                "learningRate: 0.05, schedule: {type: sinus}")).contains("unknown value 'sinus'"));
        assertTrue(error(VALID.replace("learningRate: 0.05, momentum: 0.9",
                "learningRate: [0.05, -1]")).contains("learningRate must be a finite number > 0"));
    }

    @Test
    void aPerSeedDrawOfTheWholePoolIsRefused() throws Exception {
        String e = error(VALID.replace("trainSize: 1000", "trainSize: 50000\ndataDraw: per-seed"));
        assertTrue(e.startsWith("dataDraw: per-seed draws 50000 training images from a pool of 50000"), e);
        assertTrue(e.contains("use dataDraw: fixed"), e);
        SuiteParser.parse(write(VALID.replace("trainSize: 1000", "trainSize: 50000\ndataDraw: fixed")));
        SuiteParser.parse(write(VALID.replace("trainSize: 1000", "trainSize: 49000\ndataDraw: per-seed")));
    }

    @Test
    void extendAtEdgeIsForRangesOnly() throws Exception {
        Suite s = SuiteParser.parse(write(VALID.replace("seeds: [1, 2]", "tuneSeeds: [1]\nevalSeeds: [2]")
                .replace("lambda: 1e-4}", "lambda: {logspace: [1.0e-4, 1.0e-2], points: 3, extendAtEdge: 2}}")));
        Sweep lambda = s.variants().get(2).parameters().get("lambda");
        assertEquals(List.of(1e-4, 1e-3, 1e-2), lambda.values().subList(0, 3));
        Sweep wider = lambda.extendedPast(1e-2).orElseThrow();
        assertEquals(0.1, wider.values().get(3), 1e-15, "one decade past the top");
        assertEquals(1e-5, wider.extendedPast(1e-4).orElseThrow().values().get(4), 1e-20, "and past the bottom");
        assertTrue(wider.extendedPast(1e-4).orElseThrow().extendedPast(1e-5).isEmpty(), "at most twice");
        assertTrue(lambda.extendedPast(1e-3).isEmpty(), "an interior choice extends nothing");
        assertTrue(error(VALID.replace("seeds: [1, 2]", "tuneSeeds: [1]\nevalSeeds: [2]")
                .replace("lambda: 1e-4}", "lambda: [1.0e-4, 1.0e-2, {extendAtEdge: 1}]}")).contains("regularizers[2]"));
    }

    @Test
    void aSuiteFileOfMoreThanAMegabyteIsRefusedUnparsed(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path big = tmp.resolve("big.yaml");
        java.nio.file.Files.writeString(big, "# " + "x".repeat((int) SuiteParser.MAX_BYTES) + "\n");
        SuiteException e = org.junit.jupiter.api.Assertions.assertThrows(SuiteException.class,
                () -> SuiteParser.parse(big));
        assertTrue(e.getMessage().contains("big.yaml") && e.getMessage().contains("a suite file is at most 1,048,576"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
