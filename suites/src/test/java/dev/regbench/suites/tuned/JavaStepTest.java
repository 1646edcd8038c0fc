package dev.regbench.suites.tuned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.suites.Fixtures;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.NetworkFactory;
import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.OutputKind;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.WeightInitScheme;
import dev.regbench.suites.suite.Variant;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small network's step in Java ({@link JavaStep}) is DL4J's step: against DL4J's stock classes, on every
 * regularizer kind and every updater regbench offers, on real training steps of the polynomial task's network
 * (1-64-64-1 tanh, batches of 30). The products sum in another order, so parameters agree up to float rounding —
 * after 20 steps their disagreement must be 1,000× smaller than what training moved them; the dropout masks,
 * the generator's state, the iteration count, the score (loss plus the penalties) and the updater's state are
 * DL4J's.
 */
class JavaStepTest {
    private static NetworkSpec polynomialNetwork(OptimizerSpec optimizer) {
        return new NetworkSpec(1, List.of(64, 64), 1, Activation.TANH, WeightInitScheme.XAVIER,
                OutputKind.IDENTITY_MSE, optimizer);
    }

    private static OptimizerSpec optimizer(OptimizerSpec.Type type) {
        return switch (type) {
            case SGD -> new OptimizerSpec(type, 0.1, 0);
            case NESTEROV -> new OptimizerSpec(type, 0.05, 0.9);
            case ADAM -> new OptimizerSpec(type, 0.01, 0);
        };
    }

    /** Noisy samples of sin(3x) on [-1, 1], 30 per batch, each batch new. */
    private static List<DataSet> batches(int count) {
        java.util.Random random = new java.util.Random(7);
        List<DataSet> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            float[] x = new float[30];
            float[] y = new float[30];
            for (int i = 0; i < 30; i++) {
                x[i] = (float) (random.nextDouble() * 2 - 1);
                y[i] = (float) (Math.sin(3 * x[i]) + 0.1 * random.nextGaussian());
            }
            batches.add(new DataSet(Nd4j.create(x, new long[] {30, 1}, 'c'), Nd4j.create(y, new long[] {30, 1}, 'c')));
        }
        return batches;
    }

    private static MultiLayerNetwork build(NetworkSpec spec, Regularizer r, Implementation implementation) {
        return NetworkFactory.build(spec, r, false, 11, implementation);
    }

    /** What one fit left behind: the generator's state after it, the score. */
    private record Fitted(long root, long node, double score) {
    }

    private static Fitted fit(MultiLayerNetwork net, DataSet batch, long dropoutSeed) {
        Nd4j.getRandom().setSeed(dropoutSeed);
        net.fit(batch);
        return new Fitted(Nd4j.getRandom().rootState(), Nd4j.getRandom().nodeState(), net.score());
    }

    @ParameterizedTest
    @EnumSource(OptimizerSpec.Type.class)
    void everyKindTrainsAsDl4jStockDoes(OptimizerSpec.Type type) {
        NetworkSpec spec = polynomialNetwork(optimizer(type));
        List<DataSet> batches = batches(20);
        for (Variant v : Fixtures.everyKind()) {
            Regularizer r = v.points().get(0).regularizer();
            MultiLayerNetwork stock = build(spec, r, Implementation.STOCK);
            MultiLayerNetwork java = build(spec, r, Implementation.TUNED);
            assertTrue(((TunedNetwork) java).javaStep(), v.name() + ": the tuned network trains in Java");
            INDArray initial = stock.params().dup();
            assertEquals(initial, java.params(), v.name() + ": the same initial parameters");
            for (int step = 0; step < batches.size(); step++) {
                Fitted s = fit(stock, batches.get(step), 100 + step);
                Fitted j = fit(java, batches.get(step), 100 + step);
                String at = v.name() + " (" + type.id() + "), step " + (step + 1);
                assertEquals(s.root(), j.root(), at + ": the generator's state after the step");
                assertEquals(s.node(), j.node(), at + ": the generator's state after the step");
                assertEquals(s.score(), j.score(), 1e-5 * Math.abs(s.score()), at + ": score (loss + penalties)");
                if (step == 0) {
                    double moved = maxAbs(stock.params().sub(initial));
                    double apart = maxAbs(java.params().sub(stock.params()));
                    assertTrue(apart <= 1e-5 * moved, at + ": parameters differ by " + apart + ", moved " + moved);
                }
            }
            assertEquals(stock.getIterationCount(), java.getIterationCount(), v.name() + ": iteration count");
            double moved = maxAbs(stock.params().sub(initial));
            double apart = maxAbs(java.params().sub(stock.params()));
            assertTrue(moved > 1e-2, v.name() + ": training moved the parameters (" + moved + ")");
            assertTrue(apart < 1e-3 * moved, v.name() + " (" + type.id() + "): after " + batches.size()
                    + " steps the parameters differ by " + apart + ", training moved them by " + moved);
            if (type != OptimizerSpec.Type.SGD) {
                INDArray stockState = stock.getUpdater().getStateViewArray();
                INDArray javaState = java.getUpdater().getStateViewArray();
                double scale = maxAbs(stockState);
                assertTrue(scale > 0 && maxAbs(javaState.sub(stockState)) < 1e-3 * scale,
                        v.name() + " (" + type.id() + "): the updater's state is DL4J's (m and v where DL4J keeps them)");
            }
            // Inference from the same parameters: the forward pass in Java against DL4J's.
            java.setParams(stock.params());
            INDArray x = Nd4j.linspace(-1, 1, 1000, DataType.FLOAT).reshape(1000, 1);
            INDArray expected = stock.output(x, false);
            INDArray actual = java.output(x, false);
            assertTrue(maxAbs(actual.sub(expected)) < 1e-5 * Math.max(1, maxAbs(expected)),
                    v.name() + ": inference output " + maxAbs(actual.sub(expected)) + " from DL4J's");
        }
    }

    @Test
    void onlySmallIdentityOutputNetworksTrainInJavaAndThePredictionMatchesTheNetwork() {
        Regularizer none = Regularizer.none();
        NetworkSpec small = polynomialNetwork(optimizer(OptimizerSpec.Type.ADAM));
        NetworkSpec wide = new NetworkSpec(1, List.of(128, 128), 1, Activation.TANH, WeightInitScheme.XAVIER,
                OutputKind.IDENTITY_MSE, optimizer(OptimizerSpec.Type.ADAM));
        NetworkSpec classifier = new NetworkSpec(8, List.of(16), 3, Activation.RELU, WeightInitScheme.HE,
                OutputKind.SOFTMAX_CROSS_ENTROPY, optimizer(OptimizerSpec.Type.NESTEROV));
        Implementation.Choice tuned = Implementation.TUNED.choose();
        for (NetworkSpec spec : List.of(small, wide, classifier)) {
            MultiLayerNetwork net = build(spec, none, Implementation.TUNED);
            boolean java = spec == small;
            assertEquals(java, ((TunedNetwork) net).javaStep(), spec.layerSizes() + " " + spec.output().id());
            assertEquals(java ? SmallDense.LAYOUT : tuned.layout(), tuned.layout(spec), "predicted layout");
            assertEquals(tuned.layout(spec), tuned.layout(net), "the network's layout is the predicted one");
        }
        assertFalse(SmallDense.eligible(wide).isEmpty(), "16,897 parameters are over the limit");
    }

    @Test
    void withTheJavaStepDisabledNetworksTrainWithTheTunedLayers() {
        NetworkSpec spec = polynomialNetwork(optimizer(OptimizerSpec.Type.ADAM));
        JavaStep.enable(false);
        try {
            MultiLayerNetwork net = build(spec, Regularizer.none(), Implementation.TUNED);
            assertFalse(((TunedNetwork) net).javaStep());
            assertEquals(Implementation.TUNED.choose().layout(), Implementation.TUNED.choose().layout(spec));
        } finally {
            JavaStep.enable(true);
        }
    }

    private static double maxAbs(INDArray a) {
        return a.amaxNumber().doubleValue();
    }
}
