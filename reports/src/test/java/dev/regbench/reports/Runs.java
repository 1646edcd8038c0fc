package dev.regbench.reports;

import dev.regbench.reports.schema.EpochChoice;
import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.EpochRule;
import dev.regbench.reports.schema.RegularizerInfo;
import dev.regbench.reports.schema.ResultFileException;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.schema.SelectionMetric;
import dev.regbench.reports.schema.SplitMetrics;
import dev.regbench.reports.schema.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Result records with chosen numbers, for unit tests of the statistics, the selection and the wording: every field
 * is taken from a real fixture run and only the ones a test is about are replaced.
 */
public final class Runs {
    private static final RunResult TEMPLATE;

    static {
        try {
            TEMPLATE = RunResultFiles.read(Fixtures.dir("two-stage").resolve("runs/tune/none-seed1.json"));
        } catch (ResultFileException e) {
            throw new IllegalStateException(e);
        }
    }

    private Runs() {
    }

    /**
     * One epoch's losses and errors on the three splits.
     *
     * @param train           training loss
     * @param validation      validation loss
     * @param test            test loss
     * @param validationError validation error, fraction
     * @param testError       test error, fraction
     */
    public record Epoch(double train, double validation, double test, double validationError, double testError) {
        /** Losses only; errors follow the losses. */
        public static Epoch of(double train, double validation, double test) {
            return new Epoch(train, validation, test, validation / 10, test / 10);
        }
    }

    /**
     * @param name   regularizer name (kind: {@code none} for "none", else {@code l2})
     * @param stage  stage
     * @param point  swept parameters
     * @param seed   seed
     * @param epochs measurements from epoch 0 on
     * @return a completed classification run (final-epoch rule, validation loss)
     */
    public static RunResult run(String name, Stage stage, Map<String, Double> point, long seed, List<Epoch> epochs) {
        List<EpochMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < epochs.size(); i++) {
            Epoch e = epochs.get(i);
            double trainAcc = 1 - e.train() / 10;
            metrics.add(new EpochMetrics(i, new SplitMetrics(e.train(), trainAcc),
                    new SplitMetrics(e.validation(), 1 - e.validationError()), new SplitMetrics(e.test(), 1 - e.testError()),
                    e.test() - e.train(), trainAcc - (1 - e.testError()), 0, 1, 1, 0, null, 0, 0, null, 0));
        }
        String kind = name.equals("none") ? "none" : "l2";
        Double lambda = kind.equals("none") ? null : point.getOrDefault("lambda", 1e-4);
        RegularizerInfo info = new RegularizerInfo(name, kind, lambda == null ? Map.of() : Map.of("lambda", lambda),
                lambda, null, null, null, lambda, null, null, false, "synthetic");
        RunResult t = TEMPLATE;
        return new RunResult(t.schemaVersion(), t.schemaMinor(), t.suite(), stage, point, t.task(), t.dataset(),
                t.network(), t.implementation(), t.activationLayout(), t.implementationNote(), info, seed,
                t.status(), null, null, null, new EpochChoice(EpochRule.FINAL, SelectionMetric.VALIDATION_LOSS, null,
                epochs.size() - 1), metrics, metrics.get(metrics.size() - 1), t.initialParamsSha256(),
                t.finalParamsSha256(), t.weightHistogram(), null, t.environment(), t.startedAt(), t.finishedAt());
    }

    /**
     * @param run     a run
     * @param replace new test metrics for every epoch, given the old ones
     * @return the run with its test metrics replaced (validation and training untouched)
     */
    public static RunResult withTest(RunResult run, java.util.function.UnaryOperator<SplitMetrics> replace) {
        List<EpochMetrics> metrics = run.epochs().stream().map(m -> new EpochMetrics(m.epoch(), m.train(), m.validation(),
                replace.apply(m.test()), m.lossGap(), m.accuracyGap(), m.penalty(), m.weightL1(), m.weightL2(),
                m.nearZeroFraction(), m.maxUnitNorm(), m.trainSeconds(), m.evalSeconds(), m.examplesPerSecond(), m.elapsedSeconds()))
                .toList();
        return new RunResult(run.schemaVersion(), run.schemaMinor(), run.suite(), run.stage(), run.point(), run.task(),
                run.dataset(), run.network(), run.implementation(), run.activationLayout(), run.implementationNote(), run.regularizer(), run.seed(), run.status(), run.divergedAtEpoch(), run.failure(), run.instability(),
                run.epochChoice(), metrics, run.finalMetrics() == null ? null : metrics.get(metrics.size() - 1),
                run.initialParamsSha256(), run.finalParamsSha256(), run.weightHistogram(), run.fit(), run.environment(),
                run.startedAt(), run.finishedAt());
    }
}
