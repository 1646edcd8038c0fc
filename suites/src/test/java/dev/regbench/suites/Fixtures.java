package dev.regbench.suites;

import dev.regbench.datasets.DataDraw;
import dev.regbench.datasets.PolynomialSpec;
import dev.regbench.reports.select.SelectionPolicy;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.WeightInitScheme;
import dev.regbench.suites.suite.SeedPlan;
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
        return List.of(Variant.of("none", new Regularizer.None()), Variant.of("l1", new Regularizer.L1(1e-5)),
                Variant.of("l2", new Regularizer.L2(1e-4)),
                Variant.of("dropout-l2", new Regularizer.DropoutL2(0.8, 0.5, 1e-4)));
    }

    /** A small single-stage polynomial suite: 1-32-32-1 tanh, plain SGD, 30 noisy points of a cubic, 60 validation. */
    public static Suite polynomial(List<Variant> variants, int epochs, double learningRate, List<Long> seeds) {
        return polynomial(variants, epochs, learningRate, new SeedPlan.SingleStage(seeds), SelectionPolicy.DEFAULT,
                DataDraw.FIXED);
    }

    /** The same suite with any seed plan, selection policy and data draw. */
    public static Suite polynomial(List<Variant> variants, int epochs, double learningRate, SeedPlan seeds,
                                   SelectionPolicy selection, DataDraw draw) {
        return new Suite("poly-test", "", Path.of("test.yaml"), "0".repeat(64),
                SuiteTask.PolynomialRegression.of(PolynomialSpec.ofCoefficients(List.of(0.2, -1.0, 0.0, 1.5),
                        0.1, 30, 60, 200)), draw, 0,
                epochs, 1, 32, seeds, selection, false, List.of(32, 32), Activation.TANH, WeightInitScheme.XAVIER,
                new OptimizerSpec(OptimizerSpec.Type.SGD, learningRate, 0), false, variants, List.of());
    }
}
