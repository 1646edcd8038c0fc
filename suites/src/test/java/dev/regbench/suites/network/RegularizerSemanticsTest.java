package dev.regbench.suites.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataFileException;
import dev.regbench.datasets.Examples;
import dev.regbench.datasets.ImageDataLoader;
import dev.regbench.datasets.ImageDataset;
import dev.regbench.datasets.MinibatchIterator;
import dev.regbench.suites.harness.WeightStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * What each regularizer component does to real training steps on real MNIST batches: decoupled weight decay
 * equals L2 under plain SGD and not under Nesterov momentum or Adam; max-norm bounds every unit's incoming
 * weights (DL4J dimension 0) where DL4J's documented dimension 1 would not; combined penalties add; a preset and
 * the composite of the same components are the same network.
 */
class RegularizerSemanticsTest {
    private static final int STEPS = 20;
    private static List<DataSet> batches;

    @BeforeAll
    static void loadMnist() throws DataFileException {
        Examples train = new ImageDataLoader(DataDirectory.resolve(Optional.empty())).load(ImageDataset.MNIST)
                .train().subset(range(STEPS * 64)).toExamples();
        batches = new ArrayList<>();
        MinibatchIterator it = MinibatchIterator.inOrder(train, 64);
        while (it.hasNext()) {
            batches.add(it.next());
        }
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static NetworkSpec mlp(OptimizerSpec optimizer) {
        return new NetworkSpec(784, List.of(256, 256), 10, Activation.RELU, WeightInitScheme.HE,
                OutputKind.SOFTMAX_CROSS_ENTROPY, optimizer);
    }

    private static MultiLayerNetwork train(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        for (DataSet b : batches) {
            net.fit(b);
        }
        return net;
    }

    private static MultiLayerNetwork train(NetworkSpec spec, Regularizer r, Implementation implementation) {
        return train(NetworkFactory.configuration(spec, r, false, 17, implementation));
    }

    private static double maxAbsDiff(MultiLayerNetwork a, MultiLayerNetwork b) {
        return a.params().sub(b.params()).amaxNumber().doubleValue();
    }

    /** L2 vs decoupled decay with one λ: returns {apart, effect of the L2 penalty itself}. */
    private static double[] l2VersusDecay(OptimizerSpec optimizer, double lambda, Implementation implementation) {
        NetworkSpec spec = mlp(optimizer);
        MultiLayerNetwork none = train(spec, Regularizer.none(), implementation);
        MultiLayerNetwork l2 = train(spec, RegularizerKind.L2.with(lambda), implementation);
        MultiLayerNetwork decay = train(spec, RegularizerKind.WEIGHT_DECAY.with(lambda), implementation);
        return new double[] {maxAbsDiff(l2, decay), maxAbsDiff(l2, none), maxAbsDiff(decay, none)};
    }

    @Test
    void weightDecayEqualsL2UnderPlainSgd() {
        for (Implementation implementation : Implementation.values()) {
            double[] d = l2VersusDecay(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0), 0.05, implementation);
            assertTrue(d[1] > 1e-4, implementation + ": the L2 penalty changed the parameters (" + d[1] + ")");
            assertTrue(d[0] < 1e-3 * d[1], implementation + ": under SGD, l2 and weight-decay with one lambda end "
                    + d[0] + " apart; the penalty itself moved them by " + d[1]);
        }
    }

    @Test
    void weightDecayDiffersFromL2UnderNesterovAndAdam() {
        // Nesterov: the L2 gradient accumulates in the velocity (about 1/(1 - momentum) times the decay).
        double[] nesterov = l2VersusDecay(new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.05, 0.9), 0.05,
                Implementation.TUNED);
        assertTrue(nesterov[0] > 0.3 * nesterov[1], "Nesterov: l2 and weight-decay end " + nesterov[0]
                + " apart, the penalty moved l2 by " + nesterov[1]);
        // Adam: λ·w is divided by √v̂ along with the data gradient under L2, but not under decoupled decay.
        double[] adam = l2VersusDecay(new OptimizerSpec(OptimizerSpec.Type.ADAM, 1e-3, 0), 0.05,
                Implementation.TUNED);
        assertTrue(adam[0] > 0.3 * Math.max(adam[1], adam[2]), "Adam: l2 and weight-decay end " + adam[0]
                + " apart, the penalties moved them by " + adam[1] + " and " + adam[2]);
    }

    @Test
    void weightDecayIsDl4jsDecoupledDecayScaledByTheLearningRate() {
        MultiLayerConfiguration stock = NetworkFactory.configuration(mlp(new OptimizerSpec(OptimizerSpec.Type.ADAM,
                1e-3, 0)), RegularizerKind.WEIGHT_DECAY.with(1e-2), false, 1, Implementation.STOCK);
        for (int layer = 0; layer < 3; layer++) { // DL4J's global builder would have listed it twice (see NetworkFactory)
            assertEquals(1, ((BaseLayer) stock.getConf(layer).getLayer()).getRegularization().size(), "layer " + layer);
        }
        WeightDecay decay = (WeightDecay) ((BaseLayer) stock.getConf(0).getLayer()).getRegularization().get(0);
        assertEquals(WeightDecay.class, decay.getClass());
        assertTrue(decay.isApplyLR(), "applyLR = true: the step is learning rate x lambda x w (AdamW's convention)");
        assertEquals(1e-2, decay.getCoeff().valueAt(0, 0), 0.0);
        WeightDecay tunedDecay = assertInstanceOf(WeightDecay.class, ((BaseLayer) NetworkFactory.configuration(mlp(
                new OptimizerSpec(OptimizerSpec.Type.ADAM, 1e-3, 0)), RegularizerKind.WEIGHT_DECAY.with(1e-2), false, 1)
                .getConf(0).getLayer()).getRegularization().get(0));
        assertTrue(tunedDecay.isApplyLR(), "the tuned implementation's weight decay is DL4J's, applyLR = true");

        // One Adam step from the same start: the decayed network ends lr*lambda*w0 below the plain one, exactly.
        NetworkSpec spec = mlp(new OptimizerSpec(OptimizerSpec.Type.ADAM, 1e-3, 0));
        MultiLayerNetwork plain = NetworkFactory.build(spec, Regularizer.none(), false, 4);
        MultiLayerNetwork decayed = NetworkFactory.build(spec, RegularizerKind.WEIGHT_DECAY.with(0.5), false, 4);
        INDArray w0 = plain.getLayer(0).getParam("W").dup();
        plain.fit(batches.get(0));
        decayed.fit(batches.get(0));
        INDArray shift = plain.getLayer(0).getParam("W").sub(decayed.getLayer(0).getParam("W"));
        INDArray expected = w0.mul(1e-3 * 0.5);
        double error = shift.sub(expected).amaxNumber().doubleValue();
        assertTrue(error < 1e-3 * expected.amaxNumber().doubleValue(), "one step's decay is lr*lambda*w0, off by "
                + error);
    }

    @Test
    void maxNormBoundsEveryUnitsIncomingWeightsNotItsOutgoingOnes() {
        double c = 0.9;
        NetworkSpec spec = mlp(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.5, 0));
        MultiLayerNetwork free = train(spec, Regularizer.none(), Implementation.TUNED);
        for (Implementation implementation : Implementation.values()) {
            MultiLayerNetwork bounded = train(spec, RegularizerKind.MAX_NORM.with(c), implementation);
            for (int layer = 0; layer < 3; layer++) {
                INDArray w = bounded.getLayer(layer).getParam("W"); // [nIn, nOut]: column j feeds unit j
                double largestUnit = w.norm2(0).maxNumber().doubleValue();
                assertTrue(largestUnit <= c * (1 + 1e-5), implementation + " layer " + layer
                        + ": a unit's incoming weights have norm " + largestUnit + " > " + c);
                assertTrue(free.getLayer(layer).getParam("W").norm2(0).maxNumber().doubleValue() > c * 1.05,
                        "layer " + layer + ": without the constraint some unit exceeds it (so the bound did work)");
            }
            assertEquals(maxColumnNorm(bounded), WeightStats.of(bounded).maxUnitNorm(), 1e-5,
                    "maxUnitNorm, as results record it");
        }
        // DL4J's Javadoc says dimension 1 for dense layers: that bounds each INPUT's outgoing weights (rows) and
        // leaves units' incoming norms free.
        MultiLayerConfiguration rows = NetworkFactory.configuration(spec, Regularizer.none(), false, 17,
                Implementation.TUNED);
        for (int layer = 0; layer < 3; layer++) {
            ((BaseLayer) rows.getConf(layer).getLayer()).setConstraints(List.of(new MaxNormConstraint(c,
                    java.util.Set.of("W"), 1)));
        }
        MultiLayerNetwork byRow = train(rows);
        assertTrue(byRow.getLayer(0).getParam("W").norm2(1).maxNumber().doubleValue() <= c * (1 + 1e-5));
        assertTrue(maxColumnNorm(byRow) > c * 1.05, "dimension 1 does not bound units' incoming weights ("
                + maxColumnNorm(byRow) + ")");
    }

    private static double maxColumnNorm(MultiLayerNetwork net) {
        double max = 0;
        for (int layer = 0; layer < net.getnLayers(); layer++) {
            max = Math.max(max, net.getLayer(layer).getParam("W").norm2(0).maxNumber().doubleValue());
        }
        return max;
    }

    @Test
    void combinedPenaltiesAdd() {
        NetworkSpec spec = mlp(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0));
        MultiLayerNetwork both = train(spec, RegularizerKind.L1_L2.with(1e-3, 1e-2), Implementation.TUNED);
        INDArray params = both.params();
        MultiLayerNetwork l1 = NetworkFactory.build(spec, RegularizerKind.L1.with(1e-3), false, 1);
        MultiLayerNetwork l2 = NetworkFactory.build(spec, RegularizerKind.L2.with(1e-2), false, 1);
        l1.setParams(params.dup());
        l2.setParams(params.dup());
        double sum = l1.calcRegularizationScore(true) + l2.calcRegularizationScore(true);
        assertTrue(sum > 0);
        assertEquals(sum, both.calcRegularizationScore(true), 1e-6 * sum, "l1-l2's penalty is l1's plus l2's");
        // and the gradient step is both: l1-l2 trains to different parameters than either alone
        assertNotEquals(train(spec, RegularizerKind.L1.with(1e-3), Implementation.TUNED).params(), params);
        assertNotEquals(train(spec, RegularizerKind.L2.with(1e-2), Implementation.TUNED).params(), params);
    }

    @Test
    void aPresetAndTheCompositeOfItsComponentsAreOneNetwork() {
        NetworkSpec spec = mlp(new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.05, 0.9));
        Map<Regularizer, Regularizer> pairs = Map.of(
                RegularizerKind.L1_L2.with(1e-5, 1e-4),
                RegularizerKind.COMPOSITE.create(Map.of("l1", 1e-5, "l2", 1e-4)),
                RegularizerKind.DROPOUT_MAX_NORM.with(0.8, 0.5, 3.0),
                RegularizerKind.COMPOSITE.create(Map.of("inputRetain", 0.8, "hiddenRetain", 0.5, "maxNorm", 3.0)),
                RegularizerKind.DROPOUT.with(0.8, 0.5),
                RegularizerKind.DROPOUT_L2.with(0.8, 0.5, 0.0),
                RegularizerKind.WEIGHT_DECAY.with(1e-4),
                RegularizerKind.COMPOSITE.create(Map.of("weightDecay", 1e-4)));
        pairs.forEach((preset, composite) -> {
            for (Implementation implementation : Implementation.values()) {
                assertEquals(NetworkFactory.configuration(spec, preset, false, 3, implementation).toJson(),
                        NetworkFactory.configuration(spec, composite, false, 3, implementation).toJson(),
                        preset.kind().id() + " vs " + composite.parameters());
            }
        });
        assertEquals(NetworkFactory.configuration(spec, Regularizer.none(), false, 3).toJson(),
                NetworkFactory.configuration(spec, RegularizerKind.DROPOUT.with(1.0, 1.0), false, 3).toJson(),
                "retain 1 everywhere is no dropout at all");
    }
}
