package dev.regbench.suites.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.SplitMetrics;
import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.harness.RunKey;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Variant;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static EpochMetrics evaluated(int epoch, double trainSeconds) {
        SplitMetrics s = new SplitMetrics(1.0, 0.5);
        return new EpochMetrics(epoch, s, s, s, 0.0, 0.0, 0, 1, 1, 0, null, trainSeconds, 0, 1000.0, epoch);
    }

    @Test
    void etaCountsEveryTrainedEpochWhenEvaluationsAreSparse() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false, 10);
        RunKey key = new RunKey(Stage.SINGLE, new DataCondition(100, 0), Variant.of("none", Regularizer.none())
                .points().get(0), 1);
        progress.runStarted(key, 1, 2);
        // evaluated every 5 epochs, 1 s per epoch: after epoch 5 of run 1 of 2, 5 + 10 epochs (15 s) remain
        progress.epochFinished(key, evaluated(5, 5.0), 10);
        assertTrue(text.toString().contains("ETA 15s"), text.toString());
        progress.epochFinished(key, evaluated(10, 5.0), 10);
        assertTrue(text.toString().contains("ETA 10s"), text.toString());
    }
}
