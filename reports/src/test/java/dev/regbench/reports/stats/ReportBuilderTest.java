package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regbench.reports.Fixtures;
import dev.regbench.reports.input.Inputs;
import dev.regbench.reports.input.ResultLoader;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.Stage;
import dev.regbench.reports.schema.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections, stages, the headline statistics and diverged runs, on the checked-in fixture results. */
class ReportBuilderTest {
    @TempDir
    Path tmp;

    private static Section section(String suite) throws Exception {
        return Fixtures.model().sections().stream().filter(s -> s.suite().equals(suite)).findFirst().orElseThrow();
    }

    @Test
    void sectionsProtocolsAndRegularizerOrder() throws Exception {
        ReportModel model = Fixtures.model();
        assertEquals(List.of("two-stage", "polynomial", "unstable", "exploratory", "sizes", "noise", "reference"),
                model.sections().stream().map(Section::suite).toList());
        assertEquals(List.of(Section.Protocol.TWO_STAGE, Section.Protocol.FIXED, Section.Protocol.FIXED,
                Section.Protocol.EXPLORATORY, Section.Protocol.FIXED, Section.Protocol.FIXED,
                Section.Protocol.TWO_STAGE),
                model.sections().stream().map(Section::protocol).toList());
        Condition mnist = model.sections().get(0).conditions().get(0);
        assertEquals(TaskType.CLASSIFICATION, model.sections().get(0).task());
        assertEquals(500, mnist.trainSize());
        assertEquals(List.of("none", "l1", "l2", "dropout-l2"),
                mnist.headline().stream().map(RegularizerStats::name).toList());
        assertEquals(List.of(1L, 2L), mnist.tuneSeeds());
        assertTrue(model.sections().get(3).conditions().get(0).headline().isEmpty(), "exploratory: no headline");
        assertFalse(model.sections().get(3).conditions().get(0).paths().isEmpty(), "but its paths");
    }

    @Test
    void headlineNumbersComeFromEvaluationRunsOnlyAtTheChosenPoint() throws Exception {
        Condition c = section("two-stage").conditions().get(0);
        JsonNode selection = new ObjectMapper().readTree(Fixtures.dir("two-stage").resolve("selection.json").toFile());
        for (RegularizerStats r : c.headline()) {
            assertEquals(List.of(11L, 12L, 13L), r.completed().stream().map(RunResult::seed).toList(), r.name());
            assertTrue(r.completed().stream().allMatch(x -> x.stage() == Stage.EVAL), r.name());
            for (JsonNode choice : selection.get("choices")) {
                if (choice.get("regularizer").asText().equals(r.name()) && choice.get("chosen").size() > 0) {
                    String key = choice.get("chosen").fieldNames().next();
                    assertEquals(choice.get("chosen").get(key).asDouble(), r.point().get(key), r.name());
                }
            }
        }
    }

    @Test
    void summaryMatchesTheFilesIndependentlyRead() throws Exception {
        RegularizerStats l2 = section("two-stage").conditions().get(0).headline().get(2);
        double sum = 0;
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Fixtures.dir("two-stage").resolve("runs/eval"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("l2-")).toList()) {
                JsonNode run = json.readTree(f.toFile());
                sum += 100 * (1 - run.get("final").get("test").get("accuracy").asDouble());
            }
        }
        assertEquals(3, l2.summary(Metric.TEST_ERROR).n());
        assertEquals(sum / 3, l2.summary(Metric.TEST_ERROR).mean(), 1e-9);
        assertEquals(4, l2.curve().size(), "epochs 0..3");
        assertEquals(3, l2.curve().get(0).validation().n(), "validation curve over the 3 seeds");
    }

    @Test
    void comparisonsArePairedByEvaluationSeedAndHolmAdjustedAcrossTheSection() throws Exception {
        Condition c = section("two-stage").conditions().get(0);
        RegularizerStats none = c.baseline().orElseThrow();
        int tests = 0;
        for (RegularizerStats r : c.headline()) {
            if (r.isBaseline()) {
                continue;
            }
            assertEquals(List.of(Metric.TEST_ERROR, Metric.TEST_LOSS, Metric.LOSS_GAP),
                    r.vsBaseline().stream().map(Comparison::metric).toList(), "classification: no quantity twice");
            Comparison perf = r.comparison(Metric.TEST_ERROR).orElseThrow();
            assertEquals(Comparison.Test.PAIRED, perf.test());
            double expected = 0;
            for (int i = 0; i < 3; i++) {
                expected += Metric.TEST_ERROR.of(r.completed().get(i)) - Metric.TEST_ERROR.of(none.completed().get(i));
            }
            assertEquals(expected / 3, perf.difference(), 1e-9, "mean of the per-seed differences");
            for (Comparison x : r.vsBaseline()) {
                if (x.tested()) {
                    tests++;
                    assertTrue(x.pHolm() >= x.pValue() && x.pHolm() <= 1, x.toString());
                }
            }
        }
        assertTrue(tests > 3, "one family of " + tests + " tests");
        Condition poly = section("polynomial").conditions().get(0);
        assertEquals(List.of(Metric.TEST_LOSS, Metric.LOSS_GAP), poly.headline().get(1).vsBaseline().stream()
                .map(Comparison::metric).toList(), "regression: test MSE is the test loss, tested once");
    }

    @Test
    void pathsComeFromTuningRunsWithTheChosenValueMarked() throws Exception {
        Condition c = section("two-stage").conditions().get(0);
        RegularizationPath l2 = c.paths().stream().filter(p -> p.regularizer().equals("l2")).findFirst().orElseThrow();
        assertEquals("lambda", l2.parameter());
        assertEquals(List.of(1e-4, 1e-2), l2.points().stream().map(RegularizationPath.Point::value).toList());
        assertEquals(c.selection().get("l2").chosen().orElseThrow().get("lambda"), l2.chosen().orElseThrow());
        assertEquals(2, l2.points().get(0).validationLoss().n(), "over the 2 tuning seeds");
        assertEquals(2, l2.points().get(0).testLoss().n(), "test shown, not used");
    }

    @Test
    void eachTrainingSetSizeIsItsOwnConditionWithItsOwnComparisons() throws Exception {
        Section sizes = section("sizes");
        assertEquals(List.of(10, 30), sizes.conditions().stream().map(Condition::trainSize).toList());
        for (Condition c : sizes.conditions()) {
            assertEquals(List.of("none", "l2"), c.headline().stream().map(RegularizerStats::name).toList());
            for (RegularizerStats r : c.headline()) {
                assertTrue(r.completed().stream().allMatch(x -> x.dataset().trainSize() == c.trainSize()));
                assertEquals(2, r.completed().size());
            }
            assertTrue(c.headline().get(1).comparison(Metric.TEST_LOSS).orElseThrow().tested());
        }
        assertTrue(sizes.conditions().get(0).headline().get(0).summary(Metric.TRAIN_LOSS).mean()
                < sizes.conditions().get(1).headline().get(0).summary(Metric.TRAIN_LOSS).mean(),
                "10 points are easier to fit than 30");
    }

    @Test
    void labelNoiseFractionsAreConditionsOfTheirOwn() throws Exception {
        Section noise = section("noise");
        assertEquals(List.of(0.0, 1.0), noise.conditions().stream().map(Condition::labelNoise).toList());
        assertEquals(List.of(200, 200), noise.conditions().stream().map(Condition::trainSize).toList());
        assertEquals("200 training examples, 100 % random labels", noise.conditions().get(1).label());
        for (Condition c : noise.conditions()) {
            assertEquals(List.of("none", "l2", "dropout"), c.headline().stream().map(RegularizerStats::name).toList());
            for (RegularizerStats r : c.headline()) {
                assertEquals(2, r.completed().size(), r.name());
                assertTrue(r.completed().stream().allMatch(x -> x.dataset().labelNoiseOrZero() == c.labelNoise()));
            }
        }
        // read independently: the random-label runs' test accuracy is at chance, the true-label runs' is not
        ObjectMapper json = new ObjectMapper();
        for (String condition : List.of("labelNoise=0", "labelNoise=1")) {
            try (Stream<Path> files = Files.list(Fixtures.dir("noise").resolve("runs").resolve(condition))) {
                for (Path f : files.toList()) {
                    double accuracy = json.readTree(f.toFile()).get("final").get("test").get("accuracy").asDouble();
                    assertTrue(condition.endsWith("1") ? accuracy < 0.2 : accuracy > 0.5, f + ": " + accuracy);
                }
            }
        }
        RegularizerStats randomNone = noise.conditions().get(1).baseline().orElseThrow();
        assertTrue(randomNone.curve().get(randomNone.curve().size() - 1).trainAccuracy().mean()
                > randomNone.curve().get(0).trainAccuracy().mean() + 0.1, "it starts to memorize the random labels");
    }

    @Test
    void newKindsCarryTheirComponentsAndMaxNormHolds() throws Exception {
        Condition c = section("reference").conditions().get(0);
        assertEquals(List.of("none", "l1-l2", "weight-decay", "max-norm", "dropout-max-norm"),
                c.headline().stream().map(RegularizerStats::name).toList(), "kinds in the report's order");
        RegularizerStats both = c.headline().get(1);
        assertEquals(1e-5, both.regularizer().l1());
        assertEquals(both.regularizer().parameters().get("l2"), both.regularizer().l2());
        assertEquals(c.headline().get(2).regularizer().parameters().get("lambda"),
                c.headline().get(2).regularizer().weightDecay());
        RegularizerStats bounded = c.headline().get(4);
        assertEquals(1.0, bounded.regularizer().maxNorm());
        for (RunResult r : bounded.completed()) {
            assertTrue(r.epochs().get(0).maxUnitNorm() > 1.0, "He's initial weights exceed it: the bound acts on updates");
            for (var m : r.epochs().subList(1, r.epochs().size())) {
                assertTrue(m.maxUnitNorm() <= 1.0 + 1e-5, "the bound held at epoch " + m.epoch() + ": " + m.maxUnitNorm());
            }
        }
        assertTrue(c.headline().get(0).summary(Metric.MAX_UNIT_NORM).mean() > 1.0, "unbounded units grow past it");
    }

    @Test
    void divergedRunsAreCountedNeverAveraged() throws Exception {
        Condition unstable = section("unstable").conditions().get(0);
        RegularizerStats none = unstable.headline().get(0);
        RegularizerStats l2 = unstable.headline().get(1);
        assertEquals(1, none.completed().size());
        assertEquals(1, none.diverged().size());
        assertEquals(0, l2.completed().size());
        assertEquals(2, l2.diverged().size());
        assertEquals(0, l2.summary(Metric.TEST_LOSS).n(), "nothing to average");
        assertFalse(l2.comparison(Metric.LOSS_GAP).orElseThrow().tested());
    }

    @Test
    void twoConfigurationsInOneDirectoryAreTwoSectionsAndDuplicatesAreRefused() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("mixed/runs"));
        Path poly = Fixtures.dir("polynomial").resolve("runs");
        Files.copy(poly.resolve("none-seed1.json"), runs.resolve("none-seed1.json"));
        Files.copy(poly.resolve("l2-seed1.json"), runs.resolve("l2-seed1.json"));
        String other = Files.readString(poly.resolve("none-seed2.json"))
                .replaceAll("\"experimentSha256\" : \"[0-9a-f]+\"", "\"experimentSha256\" : \"" + "a".repeat(64) + "\"");
        Files.writeString(Files.createDirectories(runs.resolve("other")).resolve("none-seed2.json"), other);
        Files.copy(poly.resolve("l2-seed1.json"), runs.resolve("other").resolve("l2-copy.json"));
        Inputs inputs = ResultLoader.load(List.of(tmp.resolve("mixed"), tmp.resolve("mixed/")), List.of());
        assertEquals(3, inputs.runs().size());
        assertTrue(inputs.problems().stream().anyMatch(p -> p.contains("l2-copy.json: duplicate of")),
                inputs.problems().toString());
        assertTrue(inputs.problems().stream().anyMatch(p -> p.contains("given twice")), inputs.problems().toString());
        ReportModel model = ReportBuilder.build(inputs, Fixtures.GENERATED);
        assertEquals(2, model.sections().size(), "never pooled: one section per configuration");
        assertTrue(model.sections().get(0).label().contains("config "), model.sections().get(0).label());
        assertFalse(model.sections().get(0).label().equals(model.sections().get(1).label()));
    }

    @Test
    void twoImplementationsOfOneSuiteAreTestedForEquivalenceByRegularizer() throws Exception {
        // The two-stage fixture as DL4J's stock classes trained it, and a copy as "tuned" whose evaluation runs' test
        // accuracy is 0.0005 lower for every seed (+0.05 pp test error): equivalent within ±0.3 pp, paired by seed.
        Path stock = tmp.resolve("stock");
        Path tuned = tmp.resolve("tuned");
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(Fixtures.dir("two-stage"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path relative = Fixtures.dir("two-stage").relativize(f);
                Files.createDirectories(stock.resolve(relative).getParent());
                Files.createDirectories(tuned.resolve(relative).getParent());
                if (!f.toString().endsWith(".json") || !relative.startsWith("runs")) {
                    Files.copy(f, stock.resolve(relative));
                    Files.copy(f, tuned.resolve(relative));
                    continue;
                }
                com.fasterxml.jackson.databind.node.ObjectNode run = (com.fasterxml.jackson.databind.node.ObjectNode)
                        json.readTree(f.toFile());
                run.put("implementation", "stock");
                json.writeValue(stock.resolve(relative).toFile(), run);
                run.put("implementation", "tuned").put("activationLayout", "feature-major");
                if (relative.startsWith(Path.of("runs", "eval"))) {
                    for (JsonNode epoch : run.get("epochs")) {
                        com.fasterxml.jackson.databind.node.ObjectNode test =
                                (com.fasterxml.jackson.databind.node.ObjectNode) epoch.get("test");
                        test.put("accuracy", test.get("accuracy").asDouble() - 0.0005);
                    }
                    ((com.fasterxml.jackson.databind.node.ObjectNode) run.get("final")).set("test",
                            run.get("epochs").get(run.get("epochs").size() - 1).get("test"));
                }
                json.writeValue(tuned.resolve(relative).toFile(), run);
            }
        }
        ReportModel model = ReportBuilder.build(ResultLoader.load(List.of(stock, tuned), List.of()), "t");
        assertEquals(List.of("two-stage · CPU (stock)", "two-stage · CPU (tuned)"),
                model.sections().stream().map(Section::label).toList(), "the implementation tells the sets apart");
        assertEquals(List.of("none", "l1", "l2", "dropout-l2"),
                model.agreements().stream().map(Agreement::regularizer).toList());
        for (Agreement a : model.agreements()) {
            assertEquals(Metric.TEST_ERROR, a.metric());
            assertEquals(Comparison.Test.PAIRED, a.equivalence().test(), a.regularizer());
            assertEquals(3, a.equivalence().n(), a.regularizer());
            assertEquals(-0.05, a.equivalence().difference(), 1e-9, a.regularizer() + ": stock − tuned");
            assertTrue(a.equivalence().equivalent(), a.regularizer() + ": the same difference on every seed");
        }
        // A margin below the difference shows nothing.
        ReportModel strict = ReportBuilder.build(ResultLoader.load(List.of(stock, tuned), List.of()), "t",
                new EquivalenceMargins(0.01, 0.02));
        assertTrue(strict.agreements().stream().noneMatch(a -> a.equivalence().equivalent()));
    }
}
