package dev.regbench.suites.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.Fixtures;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The harness on the polynomial task: what the regularizers do to the weights, divergence, reproducibility. */
class TrainerTest {
    private static final Environment ENV = EnvironmentProbe.current();

    private static RunResult train(Suite suite, Variant variant, long seed) throws Exception {
        SuiteData data = SuiteData.load(suite, DataDirectory.resolve(Optional.empty()));
        DataCondition condition = suite.conditions().get(0);
        return new Trainer(suite, Implementation.TUNED.choose(), ENV, ProgressListener.NONE).run(
                new RunKey(Stage.SINGLE, condition, variant.points().get(0), seed), data.forRun(condition, seed));
    }

    @Test
    void l2ShrinksWeightsAndL1MakesThemSparse() throws Exception {
        Variant none = Variant.of("none", Regularizer.none());
        Variant l1 = Variant.of("l1", RegularizerKind.L1.with(3e-3));
        Variant l2 = Variant.of("l2", RegularizerKind.L2.with(3e-2));
        Suite suite = Fixtures.polynomial(List.of(none, l1, l2), 400, 0.05, List.of(1L));
        RunResult rNone = train(suite, none, 1);
        RunResult rL1 = train(suite, l1, 1);
        RunResult rL2 = train(suite, l2, 1);
        assertEquals(rNone.initialParamsSha256(), rL2.initialParamsSha256(), "same start");
        assertTrue(rL2.finalMetrics().weightL2() < 0.8 * rNone.finalMetrics().weightL2(),
                "L2 norm: l2 " + rL2.finalMetrics().weightL2() + " vs none " + rNone.finalMetrics().weightL2());
        assertTrue(rL1.finalMetrics().nearZeroFraction() > rL2.finalMetrics().nearZeroFraction() + 0.05,
                "near-zero fraction: l1 " + rL1.finalMetrics().nearZeroFraction() + " vs l2 "
                        + rL2.finalMetrics().nearZeroFraction());
        assertTrue(rL1.finalMetrics().penalty() > 0 && rNone.finalMetrics().penalty() == 0.0);
    }

    @Test
    void recordsEpochZeroAndEveryEpochWithConsistentGaps() throws Exception {
        Variant none = Variant.of("none", Regularizer.none());
        RunResult r = train(Fixtures.polynomial(List.of(none), 5, 0.05, List.of(3L)), none, 3);
        assertEquals(RunStatus.COMPLETED, r.status());
        assertEquals(6, r.epochs().size());
        EpochMetrics first = r.epochs().get(0);
        assertEquals(0, first.epoch());
        assertNull(first.examplesPerSecond());
        assertEquals(0.0, first.trainSeconds());
        for (EpochMetrics m : r.epochs()) {
            assertEquals(m.test().loss() - m.train().loss(), m.lossGap(), 1e-12);
            assertNotNull(m.validation(), "the suite has a validation set");
            assertNull(m.train().accuracy(), "regression has no accuracy");
            assertNull(m.accuracyGap());
        }
        assertEquals(5, r.epochChoice().epoch(), "final-epoch rule");
        assertEquals(r.epochs().get(5), r.finalMetrics());
        assertTrue(r.epochs().get(5).examplesPerSecond() > 0);
        assertNotNull(r.fit());
        assertEquals(Trainer.FIT_GRID_POINTS, r.fit().x().size());
        assertEquals(30, r.dataset().polynomial().trainX().size());
        assertEquals(r.weightHistogram().total(), r.weightHistogram().belowMin()
                + r.weightHistogram().counts().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void divergenceIsRecordedNotThrown() throws Exception {
        Variant none = Variant.of("none", Regularizer.none());
        RunResult r = train(Fixtures.polynomial(List.of(none), 50, 1e6, List.of(1L)), none, 1);
        assertEquals(RunStatus.DIVERGED, r.status());
        assertNotNull(r.divergedAtEpoch());
        assertTrue(r.failure().contains("after epoch " + r.divergedAtEpoch()), r.failure());
        assertEquals(r.divergedAtEpoch().intValue(), r.epochs().size(), "epochs before the divergence are kept");
        assertNull(r.finalMetrics(), "never padded with earlier values");
    }

    @Test
    void sameSeedTrainsToBitIdenticalWeights() throws Exception {
        Variant dropout = Variant.of("dropout-l2", RegularizerKind.DROPOUT_L2.with(1.0, 0.5, 1e-3));
        Suite suite = Fixtures.polynomial(List.of(dropout), 20, 0.05, List.of(5L));
        RunResult a = train(suite, dropout, 5);
        RunResult b = train(suite, dropout, 5);
        assertEquals(a.finalParamsSha256(), b.finalParamsSha256(), "reproducible, dropout masks included");
        assertEquals(a.finalMetrics().test().loss(), b.finalMetrics().test().loss(), 0.0);
        RunResult c = train(suite, dropout, 6);
        assertTrue(!a.finalParamsSha256().equals(c.finalParamsSha256()), "another seed, another run");
    }

    @Test
    void theInstabilityFlagFiresOnALearningRateTooLargeAndNotOnAStableOne() throws Exception {
        // Full-batch SGD on the 1-32-32-1 tanh net: at 0.4 the training loss climbs from 0.093 to 0.41 before it
        // settles (measured); at 0.05 it falls at every evaluation.
        Variant none = Variant.of("none", Regularizer.none());
        RunResult tooLarge = train(Fixtures.polynomial(List.of(none), 40, 0.4, List.of(1L)), none, 1);
        assertEquals(RunStatus.COMPLETED, tooLarge.status(), "it does not explode");
        dev.regbench.reports.schema.Instability flagged = tooLarge.instability();
        assertNotNull(flagged, "a marked rise of the training loss is flagged");
        assertEquals(1, flagged.epoch());
        assertEquals(0, flagged.lowestEpoch());
        assertEquals(tooLarge.epochs().get(1).train().loss(), flagged.trainLoss(), 0.0);
        assertTrue(flagged.describe().startsWith("training loss 0.09"), flagged.describe());
        RunResult stable = train(Fixtures.polynomial(List.of(none), 40, 0.05, List.of(1L)), none, 1);
        assertNull(stable.instability(), "a falling training loss is not flagged");
        assertTrue(stable.unstable().isEmpty());
    }

    @Test
    void aFiniteButExplodedTrainingLossIsDivergence() throws Exception {
        // SGD at 2.0: the training loss jumps from 0.093 to 2,162 after one epoch, finite (measured).
        Variant none = Variant.of("none", Regularizer.none());
        RunResult r = train(Fixtures.polynomial(List.of(none), 40, 2.0, List.of(1L)), none, 1);
        assertEquals(RunStatus.DIVERGED, r.status());
        assertTrue(r.failure().contains("more than 100 × its epoch-0 value"), r.failure());
        assertTrue(r.epochs().stream().allMatch(m -> Double.isFinite(m.train().loss())), "the losses kept are finite");
    }
}
