package dev.regbench.suites.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataDraw;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.schema.Stage;
import dev.regbench.reports.select.PointChoice;
import dev.regbench.reports.select.SelectionPolicy;
import dev.regbench.reports.select.Selector;
import dev.regbench.reports.select.TuningRun;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.Fixtures;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.SeedPlan;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Sweep;
import dev.regbench.suites.suite.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-stage protocol end to end on the polynomial task: tune, choose on validation, evaluate, resume. */
class TwoStageTest {
    private static final Environment ENV = EnvironmentProbe.current();

    @TempDir
    Path out;

    private static Suite suite() {
        List<Variant> variants = List.of(Variant.of("none", Regularizer.none()),
                new Variant("l2", RegularizerKind.L2, Map.of("lambda", Sweep.logspace(1e-4, 1e-1, 3))));
        return Fixtures.polynomial(variants, 30, 0.05, new SeedPlan.TwoStage(List.of(1L, 2L), List.of(11L, 12L)),
                SelectionPolicy.DEFAULT, DataDraw.PER_SEED);
    }

    private static RunSummary run(Suite suite, Path out, ProgressListener listener) throws Exception {
        SuiteData data = SuiteData.load(suite, DataDirectory.resolve(Optional.empty()));
        try (LocalResultStore store = LocalResultStore.open(out)) {
            return new SuiteRunner(suite, data, Implementation.TUNED.choose(), ENV).run(store, listener);
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void tunesChoosesOnValidationEvaluatesOnFreshSeedsAndResumesAcrossStages() throws Exception {
        Suite suite = suite();
        // Interrupted between the stages: the evaluation stage's first run never starts.
        ProgressListener interrupt = new ProgressListener() {
            @Override
            public void stageStarted(Stage stage, int todo, int finished) {
                if (stage == Stage.EVAL) {
                    throw new IllegalStateException("interrupted");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> run(suite, out, interrupt));
        assertEquals(8, files(out.resolve("runs/tune")).size(), "2 seeds x (none + 3 points)");
        assertTrue(Files.exists(out.resolve("selection.json")), "written before the evaluation stage");

        RunSummary resumed = run(suite, out, ProgressListener.NONE);
        assertEquals(8, resumed.skipped().size(), "tuning runs are not redone");
        assertEquals(4, resumed.trained().size(), "2 regularizers x 2 evaluation seeds");

        List<RunResult> tuning = new ArrayList<>();
        for (Path f : files(out.resolve("runs/tune"))) {
            tuning.add(RunResultFiles.read(f));
        }
        PointChoice expected = Selector.choose(SelectionPolicy.DEFAULT, tuning.stream()
                .filter(r -> r.regularizer().name().equals("l2")).map(TuningRun::of).toList());
        Map<String, Double> chosen = expected.chosen().orElseThrow();
        assertEquals(chosen, resumed.selection().get(new DataCondition(30, 0)).get("l2").chosen().orElseThrow());
        JsonNode json = new ObjectMapper().readTree(out.resolve("selection.json").toFile());
        assertEquals(chosen.get("lambda"), json.get("choices").get(1).get("chosen").get("lambda").asDouble());
        assertEquals(3, json.get("choices").get(1).get("points").size());

        List<RunResult> evaluation = new ArrayList<>();
        for (Path f : files(out.resolve("runs/eval"))) {
            evaluation.add(RunResultFiles.read(f));
        }
        assertEquals(4, evaluation.size());
        for (RunResult r : evaluation) {
            assertEquals(Stage.EVAL, r.stage());
            assertTrue(List.of(11L, 12L).contains(r.seed()), "fresh seeds only");
            assertEquals(r.regularizer().kind().equals("none") ? Map.of() : chosen, r.point(),
                    "only the chosen point is evaluated");
        }
        assertTrue(Files.exists(out.resolve("runs/eval/l2-lambda=" + Sweep.format(chosen.get("lambda")) + "-seed11.json")));

        // Resume once more after losing one run of each stage: exactly those two are trained again.
        Path lostTuning = files(out.resolve("runs/tune")).get(0);
        Path lostEval = files(out.resolve("runs/eval")).get(0);
        String tuningBefore = RunResultFiles.read(lostTuning).finalParamsSha256();
        Files.delete(lostTuning);
        Files.delete(lostEval);
        RunSummary third = run(suite, out, ProgressListener.NONE);
        assertEquals(2, third.trained().size());
        assertEquals(tuningBefore, RunResultFiles.read(lostTuning).finalParamsSha256(), "retrained bit for bit");
        assertEquals(chosen, third.selection().get(new DataCondition(30, 0)).get("l2").chosen().orElseThrow(), "the same choice");
    }

    @Test
    void perSeedDrawsGiveEachSeedItsOwnTrainingPointsAndFixedEvaluationSets() throws Exception {
        SuiteData data = SuiteData.load(suite(), DataDirectory.resolve(Optional.empty()));
        TaskData a = data.forRun(new DataCondition(30, 0), 11);
        TaskData b = data.forRun(new DataCondition(30, 0), 12);
        TaskData again = data.forRun(new DataCondition(30, 0), 11);
        assertTrue(!a.info().polynomial().trainX().equals(b.info().polynomial().trainX()), "seed 12 draws other points");
        assertEquals(a.info().polynomial().trainX(), again.info().polynomial().trainX(), "the same seed, the same draw");
        assertEquals(a.validation().features(), b.validation().features(), "validation is fixed");
        assertEquals(a.test().features(), b.test().features(), "test is fixed");
        assertEquals(60, a.validation().size());
        assertEquals("per-seed", a.info().draw());
    }

    /**
     * Trains like {@link LocalExecutor}, but the runs of {@code poisoned} seeds evaluate on a test set whose inputs are
     * all NaN: their test losses are NaN at every evaluated epoch, during training.
     */
    private record PoisonedTestExecutor(Suite suite, SuiteData data, List<Long> poisoned) implements RunExecutor {
        @Override
        public Outcome execute(List<RunKey> todo, ResultStore store, RunPlan plan, ProgressListener listener)
                throws OutputException {
            Trainer trainer = new Trainer(suite, Implementation.TUNED.choose(), ENV, listener);
            List<SuiteRunner.Finished> done = new ArrayList<>();
            for (RunKey key : todo) {
                TaskData d = data.forRun(key.condition(), key.seed());
                if (poisoned.contains(key.seed())) {
                    dev.regbench.datasets.Examples t = d.test();
                    d = new TaskData(d.type(), d.train(), d.evalTrain(), d.validation(), new dev.regbench.datasets
                            .Examples(t.features().dup().assign(Double.NaN), t.targets()), d.info(), d.polynomial());
                }
                RunResult result = trainer.run(key, d);
                store.save(plan.path(key), result);
                done.add(new SuiteRunner.Finished(key, result));
            }
            return new Outcome(done, List.of());
        }
    }

    @Test
    void aTestSetPoisonedDuringTrainingChangesNoChoiceNoStatusAndNoWeight() throws Exception {
        Suite suite = suite();
        Path clean = out.resolve("clean");
        Path poisoned = out.resolve("poisoned");
        run(suite, clean, ProgressListener.NONE);
        SuiteData data = SuiteData.load(suite, DataDirectory.resolve(Optional.empty()));
        // Tuning seed 2 and evaluation seed 12: NaN test losses in half of each stage's runs.
        try (LocalResultStore store = LocalResultStore.open(poisoned)) {
            new SuiteRunner(suite, new PoisonedTestExecutor(suite, data, List.of(2L, 12L)), Implementation.TUNED.choose(),
                    ENV).run(store, ProgressListener.NONE);
        }
        JsonNode a = new ObjectMapper().readTree(clean.resolve("selection.json").toFile()).get("choices");
        JsonNode b = new ObjectMapper().readTree(poisoned.resolve("selection.json").toFile()).get("choices");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).get("chosen"), b.get(i).get("chosen"), "the same choice");
        }
        List<Path> cleanFiles = files(clean);
        assertEquals(cleanFiles.stream().map(clean::relativize).toList(),
                files(poisoned).stream().map(poisoned::relativize).toList(), "the same runs, in both stages");
        int sawNaN = 0;
        for (Path f : cleanFiles) {
            if (!f.getParent().getParent().getFileName().toString().equals("runs")) {
                continue; // selection.json
            }
            RunResult c = RunResultFiles.read(f);
            RunResult p = RunResultFiles.read(poisoned.resolve(clean.relativize(f)));
            assertEquals(dev.regbench.reports.schema.RunStatus.COMPLETED, p.status(), f + ": completed, not diverged");
            assertEquals(c.epochChoice(), p.epochChoice(), f + ": the same epoch chosen on validation");
            assertEquals(c.finalParamsSha256(), p.finalParamsSha256(), f + ": the same weights, bit for bit");
            if (List.of(2L, 12L).contains(p.seed())) {
                assertTrue(p.epochs().stream().allMatch(m -> m.test().loss() == null && m.lossGap() == null),
                        f + ": the NaN test loss is recorded as absent");
                sawNaN++;
            }
        }
        assertEquals(4 + 2, sawNaN, "tuning seed 2 (none + 3 points) and evaluation seed 12 (2 regularizers)");
    }

    @Test
    void aChoiceAtTheEdgeOfItsRangeExtendsTheGridOnTheTuningSeedsUntilItIsInterior() throws Exception {
        // Full-batch SGD on the polynomial net for 60 epochs: learning rates of 1e-4 and 1e-3 barely train it, so the
        // first grid's best is its top edge; one decade at a time the grid grows to 1e-2, 1e-1 and 1 (which
        // explodes), and the choice settles inside (measured: 0.1).
        Sweep rates = Sweep.logspace(1e-4, 1e-3, 2).extendable(3);
        List<Variant> variants = List.of(new Variant("none", RegularizerKind.NONE, Map.of(), Map.of("learningRate", rates)),
                new Variant("l2", RegularizerKind.L2, Map.of("lambda", Sweep.of(1e-4)), Map.of("learningRate", rates)));
        Suite suite = Fixtures.polynomial(variants, 60, 0.05, new SeedPlan.TwoStage(List.of(1L, 2L), List.of(11L)),
                SelectionPolicy.DEFAULT, DataDraw.PER_SEED);
        RunSummary summary = run(suite, out, ProgressListener.NONE);
        for (String name : List.of("none", "l2")) {
            double chosen = summary.selection().get(new DataCondition(30, 0)).get(name).chosen().orElseThrow()
                    .get("learningRate");
            assertTrue(chosen > 1e-3, name + ": chosen outside the first grid, " + chosen);
            List<String> tried = files(out.resolve("runs/tune")).stream().map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith(name + "-")).toList();
            assertTrue(tried.contains(name + "-learningRate=0.01" + (name.equals("l2") ? "" : "") + "-seed1.json")
                    || tried.stream().anyMatch(f -> f.contains("learningRate=0.01-")), name + ": extended to 0.01: " + tried);
            assertTrue(tried.size() > 4 && tried.size() <= 10, name + ": 2 seeds x (2 + up to 3 extensions): " + tried);
            assertTrue(tried.size() % 2 == 0, "every extension on both tuning seeds");
            Path eval = out.resolve("runs/eval/" + name + "-learningRate=" + Sweep.format(chosen) + "-seed11.json");
            assertTrue(Files.exists(eval), "the evaluation stage trains the extended choice: " + eval);
            assertEquals(chosen, RunResultFiles.read(eval).network().optimizer().learningRate(), 1e-12);
        }
        // Resuming plans the same extensions and finds them done.
        RunSummary again = run(suite, out, ProgressListener.NONE);
        assertEquals(0, again.trained().size(), "nothing to redo");
        assertEquals(summary.selection(), again.selection());
    }
}
