package dev.regbench.suites.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.Examples;
import dev.regbench.reports.schema.RunResult;
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
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training reads the training examples only: replacing the validation and test sets by other data changes the
 * recorded validation and test metrics but not one bit of the trained parameters.
 */
class DataIsolationTest {
    @Test
    void trainingNeverReadsValidationOrTestData() throws Exception {
        Variant dropout = Variant.of("dropout-l2", RegularizerKind.DROPOUT_L2.with(1.0, 0.8, 1e-3));
        Suite suite = Fixtures.polynomial(List.of(dropout), 20, 0.05, List.of(3L));
        TaskData real = SuiteData.load(suite, DataDirectory.resolve(Optional.empty())).forRun(new DataCondition(30, 0), 3);
        Nd4j.getRandom().setSeed(99);
        TaskData swapped = new TaskData(real.type(), real.train(), real.evalTrain(), noise(real.validation()),
                noise(real.test()), real.info(), real.polynomial());
        Trainer trainer = new Trainer(suite, Implementation.TUNED.choose(), EnvironmentProbe.current(), ProgressListener.NONE);
        RunKey key = new RunKey(Stage.SINGLE, new DataCondition(30, 0), dropout.points().get(0), 3);
        RunResult a = trainer.run(key, real);
        RunResult b = trainer.run(key, swapped);
        assertEquals(a.finalParamsSha256(), b.finalParamsSha256(), "the same training, bit for bit");
        assertEquals(a.finalMetrics().train().loss(), b.finalMetrics().train().loss(), 0.0);
        assertNotEquals(a.finalMetrics().test().loss(), b.finalMetrics().test().loss(), "the test set did change");
        assertNotEquals(a.finalMetrics().validation().loss(), b.finalMetrics().validation().loss());
    }

    private static Examples noise(Examples e) {
        return new Examples(Nd4j.rand(e.features().dataType(), e.features().shape()),
                Nd4j.randn(e.targets().dataType(), e.targets().shape()));
    }
}
