package dev.regbench.suites.harness;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.util.List;

/**
 * Predicts how long the pending runs of a suite take on this machine: for each regularizer it trains the real
 * run for a few epochs (more for suites with very short epochs, until the sample lasts about a second),
 * measures the mean epoch time (training + evaluation) after the first epoch, and extrapolates.
 */
public final class Estimator {
    private static final double MIN_SAMPLE_SECONDS = 1.0;

    private final Suite suite;
    private final TaskData data;

    /**
     * @param suite the suite
     * @param data  its data
     */
    public Estimator(Suite suite, TaskData data) {
        this.suite = suite;
        this.data = data;
    }

    /**
     * @param pending the runs still to do
     * @return estimated wall time in seconds
     */
    public double seconds(List<RunKey> pending) {
        double total = 0;
        for (Variant variant : suite.variants()) {
            long runs = pending.stream().filter(k -> k.variant().equals(variant)).count();
            if (runs > 0) {
                total += runs * secondsPerRun(variant);
            }
        }
        return total;
    }

    private double secondsPerRun(Variant variant) {
        int epochs = 2;
        while (true) {
            Suite sample = suite.withOverrides(Math.min(epochs, suite.epochs()), null, null, null);
            RunResult r = new Trainer(sample, data, null, ProgressListener.NONE).run(new RunKey(variant, 0));
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
