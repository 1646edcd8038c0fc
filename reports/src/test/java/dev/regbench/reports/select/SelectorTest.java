package dev.regbench.reports.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regbench.reports.Fixtures;
import dev.regbench.reports.Runs;
import dev.regbench.reports.schema.EpochRule;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.schema.SelectionMetric;
import dev.regbench.reports.schema.SplitMetrics;
import dev.regbench.reports.schema.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The selection protocol's choices: made on validation only, deterministic, never on a diverged point. */
class SelectorTest {
    private static final SelectionPolicy LOSS_FINAL = SelectionPolicy.DEFAULT;

    @Test
    void aPointKeepsItsValuesInTheResultFilesOrderSoTheReportPrintsTheSameTextEveryTime() {
        // Map.copyOf iterates in an order fixed per JVM but not by the input: one of these two would come out reordered.
        for (List<String> order : List.of(List.of("lambda", "hiddenRetain"), List.of("hiddenRetain", "lambda"))) {
            Map<String, Double> point = new java.util.LinkedHashMap<>();
            order.forEach(k -> point.put(k, k.length() / 10.0));
            assertEquals(order, List.copyOf(new TuningRun(point, 1, null, false).point().keySet()));
        }
    }

    private static List<RunResult> tuning(String regularizer) throws Exception {
        List<RunResult> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.dir("two-stage").resolve("runs/tune"))) {
            for (Path f : files.sorted().toList()) {
                RunResult r = RunResultFiles.read(f);
                if (r.regularizer().name().equals(regularizer)) {
                    runs.add(r);
                }
            }
        }
        return runs;
    }

    private static PointChoice choose(List<RunResult> runs) {
        return Selector.choose(LOSS_FINAL, runs.stream().map(TuningRun::of).toList());
    }

    @Test
    void theChoiceOnRealTuningRunsMatchesWhatRegbenchRunChose() throws Exception {
        JsonNode selection = new ObjectMapper().readTree(Fixtures.dir("two-stage").resolve("selection.json").toFile());
        for (JsonNode c : selection.get("choices")) {
            String name = c.get("regularizer").asText();
            PointChoice choice = choose(tuning(name));
            if (c.get("chosen").size() > 0) {
                String key = c.get("chosen").fieldNames().next();
                assertEquals(c.get("chosen").get(key).asDouble(), choice.chosen().orElseThrow().get(key), name);
            }
        }
    }

    @Test
    void poisonedOrMissingTestMetricsDoNotChangeTheChoice() throws Exception {
        for (String name : List.of("l2", "dropout-l2")) {
            List<RunResult> runs = tuning(name);
            PointChoice honest = choose(runs);
            // Test metrics that would reverse any test-based choice: the best validation point gets the worst test.
            List<RunResult> poisoned = runs.stream().map(r -> Runs.withTest(r, t -> new SplitMetrics(
                    1000 - r.finalMetrics().validation().loss(), 0.0))).toList();
            List<RunResult> nan = runs.stream().map(r -> Runs.withTest(r, t -> new SplitMetrics(Double.NaN, null)))
                    .toList();
            assertEquals(honest, choose(poisoned), name + ": the choice reads no test metric");
            assertEquals(honest, choose(nan), name + ": NaN test metrics change nothing");
        }
    }

    @Test
    void theChoiceFollowsValidationNotTest() {
        // Point a: better on validation, worse on test; point b the reverse.
        List<RunResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            runs.add(Runs.run("l2", Stage.TUNE, Map.of("lambda", 1e-4), seed,
                    List.of(Runs.Epoch.of(2, 2, 2), Runs.Epoch.of(0.1, 0.30 + seed / 100.0, 0.50))));
            runs.add(Runs.run("l2", Stage.TUNE, Map.of("lambda", 1e-2), seed,
                    List.of(Runs.Epoch.of(2, 2, 2), Runs.Epoch.of(0.2, 0.40 + seed / 100.0, 0.20))));
        }
        PointChoice choice = choose(runs);
        assertEquals(Map.of("lambda", 1e-4), choice.chosen().orElseThrow());
        assertEquals(0.32, choice.chosenScore().orElseThrow().summary().mean(), 1e-12, "mean over the tuning seeds");
        assertEquals(3, choice.chosenScore().orElseThrow().summary().n());
        Collections.reverse(runs);
        assertEquals(choice.chosen(), choose(runs).chosen(), "independent of the order of the runs");
    }

    @Test
    void aPointWithADivergedRunIsNeverChosenAndTiesGoToGridOrder() throws Exception {
        List<RunResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            runs.add(Runs.run("l2", Stage.TUNE, Map.of("lambda", 1e-1), seed,
                    List.of(Runs.Epoch.of(2, 2, 2), Runs.Epoch.of(0.1, 0.3, 0.3))));
            runs.add(Runs.run("l2", Stage.TUNE, Map.of("lambda", 1e-3), seed,
                    List.of(Runs.Epoch.of(2, 2, 2), Runs.Epoch.of(0.1, 0.3, 0.3))));
        }
        assertEquals(Map.of("lambda", 1e-3), choose(runs).chosen().orElseThrow(), "a tie goes to the smaller value");
        RunResult diverged = RunResultFiles.read(Fixtures.dir("unstable").resolve("runs/l2-seed1.json"));
        List<TuningRun> withDivergence = new ArrayList<>(runs.stream().map(TuningRun::of).toList());
        withDivergence.add(new TuningRun(Map.of("lambda", 1e-3), 3, TuningRun.of(diverged).curve(), false));
        PointChoice c = Selector.choose(LOSS_FINAL, withDivergence);
        assertEquals(Map.of("lambda", 1e-1), c.chosen().orElseThrow(), "the diverged point is out");
        assertEquals(1, c.scores().stream().filter(s -> s.point().equals(Map.of("lambda", 1e-3))).findFirst()
                .orElseThrow().diverged());
        List<TuningRun> allDiverged = List.of(new TuningRun(Map.of("lambda", 1.0), 1, null, false));
        assertTrue(Selector.choose(LOSS_FINAL, allDiverged).chosen().isEmpty(), "nothing to choose");
    }

    /**
     * A point whose tuning run's training loss rose markedly (0.1 → 0.5 between evaluations, Instability's rule)
     * loses to a stable point even with the lower validation loss; with every point unstable the lowest wins and
     * the choice says so. The flag is read from training loss: the test losses here are the same everywhere.
     */
    @Test
    void anUnstablePointIsChosenOnlyWhenNoStableOneExists() throws Exception {
        List<RunResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            runs.add(Runs.run("l2", Stage.TUNE, Map.of("lambda", 1e-3), seed, List.of(Runs.Epoch.of(2, 2, 2),
                    Runs.Epoch.of(0.1, 0.3, 0.3), Runs.Epoch.of(0.5, 0.2, 0.3))));
            runs.add(Runs.run("l2", Stage.TUNE, Map.of("lambda", 1e-2), seed, List.of(Runs.Epoch.of(2, 2, 2),
                    Runs.Epoch.of(0.2, 0.4, 0.3), Runs.Epoch.of(0.15, 0.35, 0.3))));
        }
        assertTrue(runs.get(0).unstable().isPresent() && runs.get(1).unstable().isEmpty());
        PointChoice c = choose(runs);
        assertEquals(Map.of("lambda", 1e-2), c.chosen().orElseThrow(), "the stable point, despite 0.35 > 0.2");
        assertFalse(c.chosenUnstable());
        assertEquals(2, c.scores().get(0).unstable());
        PointChoice onlyUnstable = choose(runs.stream().filter(r -> r.point().get("lambda") == 1e-3).toList());
        assertEquals(Map.of("lambda", 1e-3), onlyUnstable.chosen().orElseThrow());
        assertTrue(onlyUnstable.chosenUnstable());
    }

    @Test
    void epochRules() {
        ValidationCurve curve = curve(0.9, 0.5, 0.4, 0.45, 0.41, 0.42, 0.39, 0.6);
        assertEquals(7, LOSS_FINAL.chooseEpoch(curve), "final");
        SelectionPolicy best = new SelectionPolicy(SelectionMetric.VALIDATION_LOSS, EpochRule.BEST, null);
        assertEquals(6, best.chooseEpoch(curve), "lowest over all epochs");
        SelectionPolicy patience2 = new SelectionPolicy(SelectionMetric.VALIDATION_LOSS, EpochRule.PATIENCE, 2);
        assertEquals(2, patience2.chooseEpoch(curve), "stops after epochs 3 and 4 fail to improve on epoch 2");
        SelectionPolicy patience4 = new SelectionPolicy(SelectionMetric.VALIDATION_LOSS, EpochRule.PATIENCE, 4);
        assertEquals(6, patience4.chooseEpoch(curve), "epoch 6 improves within the patience");
        assertEquals(0.39, best.valueAtChosenEpoch(curve), 0.0);
        ValidationCurve ties = curve(0.5, 0.3, 0.3);
        assertEquals(1, best.chooseEpoch(ties), "ties go to the earliest epoch");
        SelectionPolicy error = new SelectionPolicy(SelectionMetric.VALIDATION_ERROR, EpochRule.BEST, null);
        ValidationCurve both = new ValidationCurve(List.of(
                new ValidationCurve.Point(0, new SplitMetrics(0.9, 0.80)),
                new ValidationCurve.Point(1, new SplitMetrics(0.5, 0.85)),
                new ValidationCurve.Point(2, new SplitMetrics(0.6, 0.90))));
        assertEquals(2, error.chooseEpoch(both), "validation error: highest accuracy");
        assertEquals(1, best.chooseEpoch(both), "validation loss: lowest loss");
        assertThrows(IllegalArgumentException.class, () -> new SelectionPolicy(SelectionMetric.VALIDATION_LOSS,
                EpochRule.PATIENCE, null));
        assertThrows(IllegalArgumentException.class, () -> new SelectionPolicy(SelectionMetric.VALIDATION_LOSS,
                EpochRule.BEST, 3));
    }

    private static ValidationCurve curve(double... losses) {
        List<ValidationCurve.Point> points = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            points.add(new ValidationCurve.Point(i, new SplitMetrics(losses[i], 0.5)));
        }
        return new ValidationCurve(points);
    }

    @Test
    void edgesAreStructuredAndPrintedInTheChosenSettingsFormat() {
        dev.regbench.reports.stats.Summary any = new dev.regbench.reports.stats.Summary(2, 0.1, 0.01, 0.09, 0.11);
        java.util.List<PointScore> scores = new java.util.ArrayList<>();
        for (double lambda : new double[] {1e-6, 1e-5, 1e-4}) {
            for (double keep : new double[] {0.5, 0.9}) {
                scores.add(new PointScore(java.util.Map.of("lambda", lambda, "hiddenRetain", keep), any, 0, java.util.List.of(),
                        0));
            }
        }
        PointChoice lowest = new PointChoice(SelectionPolicy.DEFAULT, scores,
                java.util.Optional.of(java.util.Map.of("lambda", 1e-6, "hiddenRetain", 0.9)));
        assertEquals(java.util.List.of(new PointChoice.Edge("hiddenRetain", 0.9, false, 2),
                new PointChoice.Edge("lambda", 1e-6, true, 3)), lowest.atEdge());
        assertEquals("hiddenRetain = 0.9 (largest of 2), lambda = 0.000001 (smallest of 3)",
                dev.regbench.reports.render.Fmt.edges(lowest.atEdge()));
        assertEquals("0.000001", dev.regbench.reports.render.Fmt.compact(1e-6), "the chosen setting's own format");
        PointChoice interior = new PointChoice(SelectionPolicy.DEFAULT, scores.subList(0, 6),
                java.util.Optional.of(java.util.Map.of("lambda", 1e-5, "hiddenRetain", 0.9)));
        assertEquals(java.util.List.of(new PointChoice.Edge("hiddenRetain", 0.9, false, 2)), interior.atEdge(),
                "a 2-value axis always counts; lambda 1e-5 is interior");
    }
}
