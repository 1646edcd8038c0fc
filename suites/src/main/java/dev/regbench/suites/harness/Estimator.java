package dev.regbench.suites.harness;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts how long the pending runs of a suite take on this machine: for each regularizer and training-set size
 * it trains a real run (at the regularizer's middle grid point; a run's cost hardly depends on the parameter
 * values) for a few epochs, evaluated as the suite evaluates (more epochs for suites with very short ones, until
 * the sample lasts about a second), measures the training time per epoch and the time per evaluation after the
 * warm-up, and extrapolates to the suite's epochs and evaluations.
 */
public final class Estimator {
    private static final double MIN_SAMPLE_SECONDS = 1.0;

    private final Suite suite;
    private final SuiteData data;
    private final Implementation.Choice implementation;

    /**
     * @param suite          the suite
     * @param data           its data
     * @param implementation what the runs will train with
     */
    public Estimator(Suite suite, SuiteData data, Implementation.Choice implementation) {
        this.suite = suite;
        this.data = data;
        this.implementation = implementation;
    }

    /**
     * @param pending the runs still to do (any stage)
     * @return estimated wall time in seconds
     */
    public double seconds(List<RunKey> pending) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, RunKey> samples = new LinkedHashMap<>();
        for (RunKey k : pending) {
            String group = k.point().variant().name() + "\u0000" + k.condition();
            counts.merge(group, 1L, Long::sum);
            samples.putIfAbsent(group, k);
        }
        double total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            RunKey k = samples.get(e.getKey());
            total += e.getValue() * secondsPerRun(k.point().variant(), k.condition());
        }
        return total;
    }

    private double secondsPerRun(Variant variant, DataCondition condition) {
        int epochs = Math.min(suite.epochs(), Math.max(3, 3 * suite.evaluateEvery()));
        while (true) {
            RunResult r = new Trainer(suite.sample(epochs), implementation, null, ProgressListener.NONE)
                    .run(new RunKey(Stage.SINGLE, condition, variant.representative(), 0), data.forRun(condition, 0));
            List<EpochMetrics> all = r.epochs();
            double sampled = all.get(all.size() - 1).elapsedSeconds();
            if (sampled >= MIN_SAMPLE_SECONDS || epochs >= suite.epochs() || all.size() < 3) {
                // Skip epoch 0 and the first evaluation after it (JIT and native warm-up) when there is more.
                int from = all.size() >= 3 ? 2 : all.size() - 1;
                List<EpochMetrics> measured = all.subList(from, all.size());
                int trainedEpochs = all.get(all.size() - 1).epoch() - all.get(from - 1).epoch();
                double train = measured.stream().mapToDouble(EpochMetrics::trainSeconds).sum()
                        / Math.max(1, trainedEpochs);
                double eval = measured.stream().mapToDouble(EpochMetrics::evalSeconds).average().orElse(0);
                long evaluations = java.util.stream.IntStream.rangeClosed(0, suite.epochs())
                        .filter(suite::evaluatedAfter).count();
                return suite.epochs() * train + evaluations * eval;
            }
            epochs = Math.min(suite.epochs(), epochs * 10);
        }
    }
}
