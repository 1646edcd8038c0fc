package dev.regbench.suites;

import dev.regbench.datasets.PolynomialSpec;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.WeightInitScheme;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteTask;
import dev.regbench.suites.suite.Variant;
import java.nio.file.Path;
import java.util.List;

/** Suites built in code for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The four regularizers of the default suites. */
    public static List<Variant> fourVariants() {
        return List.of(new Variant("none", new Regularizer.None()), new Variant("l1", new Regularizer.L1(1e-5)),
                new Variant("l2", new Regularizer.L2(1e-4)),
                new Variant("dropout-l2", new Regularizer.DropoutL2(0.8, 0.5, 1e-4)));
    }

    /** A small polynomial suite: 1-32-32-1 tanh, plain SGD, 30 noisy points of a cubic. */
    public static Suite polynomial(List<Variant> variants, int epochs, double learningRate, List<Long> seeds) {
        return new Suite("poly-test", "", Path.of("test.yaml"), "0".repeat(64),
                new SuiteTask.PolynomialRegression(PolynomialSpec.ofCoefficients(List.of(0.2, -1.0, 0.0, 1.5),
                        0.1, 30, 200)),
                epochs, 32, seeds, 0, List.of(32, 32), Activation.TANH, WeightInitScheme.XAVIER,
                new OptimizerSpec(OptimizerSpec.Type.SGD, learningRate, 0), false, variants, List.of());
    }
}
