package dev.regbench.suites.harness;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts how long the pending runs of a suite take on this machine: for each regularizer and training-set size
 * it trains a real run (at the regularizer's middle grid point; a run's cost hardly depends on the parameter
 * values) for a few epochs (more for suites with very short epochs, until the sample lasts about a second),
 * measures the mean epoch time (training + evaluation) after the first epoch, and extrapolates.
 */
public final class Estimator {
    private static final double MIN_SAMPLE_SECONDS = 1.0;

    private final Suite suite;
    private final SuiteData data;

    /**
     * @param suite the suite
     * @param data  its data
     */
    public Estimator(Suite suite, SuiteData data) {
        this.suite = suite;
        this.data = data;
    }

    /**
     * @param pending the runs still to do (any stage)
     * @return estimated wall time in seconds
     */
    public double seconds(List<RunKey> pending) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, RunKey> samples = new LinkedHashMap<>();
        for (RunKey k : pending) {
            String group = k.point().variant().name() + "\u0000" + k.trainSize();
            counts.merge(group, 1L, Long::sum);
            samples.putIfAbsent(group, k);
        }
        double total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            RunKey k = samples.get(e.getKey());
            total += e.getValue() * secondsPerRun(k.point().variant(), k.trainSize());
        }
        return total;
    }

    private double secondsPerRun(Variant variant, int trainSize) {
        int epochs = 2;
        while (true) {
            Suite sample = suite.withOverrides(new Suite.Overrides(Math.min(epochs, suite.epochs()), null, null, null,
                    null, null));
            RunResult r = new Trainer(sample, null, ProgressListener.NONE)
                    .run(new RunKey(Stage.SINGLE, trainSize, variant.representative(), 0), data.forRun(trainSize, 0));
            List<EpochMetrics> measured = r.epochs().subList(Math.min(2, r.epochs().size() - 1), r.epochs().size());
            double perEpoch = measured.stream().mapToDouble(m -> m.trainSeconds() + m.evalSeconds()).average().orElse(0);
            double sampled = r.epochs().get(r.epochs().size() - 1).elapsedSeconds();
            if (sampled >= MIN_SAMPLE_SECONDS || epochs >= suite.epochs() || r.epochs().size() <= epochs) {
                double epoch0 = r.epochs().get(0).evalSeconds();
                return epoch0 + suite.epochs() * perEpoch;
            }
            epochs *= 10;
        }
    }
}
