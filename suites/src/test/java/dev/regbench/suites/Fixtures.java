package dev.regbench.suites;

import dev.regbench.datasets.DataDraw;
import dev.regbench.datasets.PolynomialSpec;
import dev.regbench.reports.select.SelectionPolicy;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
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
        return List.of(Variant.of("none", Regularizer.none()), Variant.of("l1", RegularizerKind.L1.with(1e-5)),
                Variant.of("l2", RegularizerKind.L2.with(1e-4)),
                Variant.of("dropout-l2", RegularizerKind.DROPOUT_L2.with(0.8, 0.5, 1e-4)));
    }

    /**
     * One variant of every kind, with values that switch every component on: the four above, then l1-l2,
     * weight-decay, max-norm, dropout, dropout-max-norm and a composite of L1, max-norm and hidden dropout.
     */
    public static List<Variant> everyKind() {
        List<Variant> all = new java.util.ArrayList<>(fourVariants());
        all.add(Variant.of("l1-l2", RegularizerKind.L1_L2.with(1e-5, 1e-4)));
        all.add(Variant.of("weight-decay", RegularizerKind.WEIGHT_DECAY.with(1e-4)));
        all.add(Variant.of("max-norm", RegularizerKind.MAX_NORM.with(3.0)));
        all.add(Variant.of("dropout", RegularizerKind.DROPOUT.with(0.8, 0.5)));
        all.add(Variant.of("dropout-max-norm", RegularizerKind.DROPOUT_MAX_NORM.with(0.8, 0.5, 3.0)));
        all.add(Variant.of("composite", RegularizerKind.COMPOSITE.create(java.util.Map.of("l1", 1e-5, "maxNorm", 2.0,
                "hiddenRetain", 0.7))));
        return all;
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
                new OptimizerSpec(OptimizerSpec.Type.SGD, learningRate, 0), false, variants, List.of(), null);
    }

    /**
     * @return every suite file shipped in suites/ ({@code -Dregbench.home} or the parent of the module), sorted
     * @throws java.io.IOException if the directory cannot be listed
     */
    public static List<java.nio.file.Path> shippedSuites() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("regbench.home", "..")).toAbsolutePath()
                .normalize();
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(root.resolve("suites"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
