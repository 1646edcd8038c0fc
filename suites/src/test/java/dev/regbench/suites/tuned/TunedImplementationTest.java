package dev.regbench.suites.tuned;

import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.NetworkFactory;
import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.OutputKind;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
import dev.regbench.suites.network.WeightInitScheme;
import dev.regbench.suites.network.JsonTrees;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regbench.reports.schema.CpuInfo;
import dev.regbench.suites.Fixtures;
import dev.regbench.suites.suite.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;

/**
 * The tuned implementation trains as DL4J's stock layers and penalties do (up to float rounding), and is really in
 * use. These tests cover the tuned layers and the fused update; networks small enough to train every step in Java
 * ({@link JavaStep}, tested in {@link JavaStepTest}) are trained with the layers here.
 */
class TunedImplementationTest {
    @org.junit.jupiter.api.BeforeEach
    void withTheTunedLayers() {
        JavaStep.enable(false);
    }

    @org.junit.jupiter.api.AfterEach
    void javaStepsAgain() {
        JavaStep.enable(true);
    }

    private static final NetworkSpec MNIST_MLP = new NetworkSpec(784, List.of(1024, 1024), 10, Activation.RELU,
            WeightInitScheme.HE, OutputKind.SOFTMAX_CROSS_ENTROPY,
            new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.05, 0.9));
    private static final NetworkSpec TANH_REGRESSION = new NetworkSpec(1, List.of(32, 32), 1, Activation.TANH,
            WeightInitScheme.XAVIER, OutputKind.IDENTITY_MSE, new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0));

    /** Trains {@code steps} batches, with the dropout random stream seeded identically for every network. */
    private static MultiLayerNetwork train(NetworkSpec spec, Regularizer regularizer, boolean penalizeBiases,
                                           Implementation implementation, List<DataSet> batches) {
        MultiLayerNetwork net = NetworkFactory.build(spec, regularizer, penalizeBiases, 11, implementation);
        Nd4j.getRandom().setSeed(5);
        for (DataSet batch : batches) {
            net.fit(batch);
        }
        return net;
    }

    private static List<DataSet> batches(NetworkSpec spec, int count) {
        Nd4j.getRandom().setSeed(99);
        List<DataSet> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 64, spec.inputs());
            INDArray y = Nd4j.zeros(DataType.FLOAT, 64, spec.outputs());
            for (int i = 0; i < 64; i++) {
                y.putScalar(i, spec.outputs() == 1 ? 0 : (i * 7 + b) % spec.outputs(), spec.outputs() == 1 ? i / 64.0 : 1);
            }
            batches.add(new DataSet(x, y));
        }
        return batches;
    }

    /**
     * Stock and tuned networks, started from the same parameters and fed the same batches (and dropout
     * streams), compute the same gradients and train to the same parameters up to float rounding: the
     * tuned layer multiplies in a different order (oneDNN or BLAS, row-major results), so equality is
     * within a tolerance far below what any real difference (a wrong term, a transposed gradient, a missed
     * bias) would cause — the parameters' disagreement must be 1,000× smaller than what training changed.
     */
    private static void assertTrainsLikeStock(NetworkSpec spec, boolean penalizeBiases) {
        List<DataSet> batches = batches(spec, 6);
        for (Variant v : Fixtures.everyKind()) {
            Regularizer r = v.points().get(0).regularizer();
            INDArray initial = NetworkFactory.build(spec, r, penalizeBiases, 11).params().dup();
            INDArray stockGradient = firstGradient(spec, v.points().get(0).regularizer(), penalizeBiases, Implementation.STOCK, batches);
            INDArray tunedGradient = firstGradient(spec, v.points().get(0).regularizer(), penalizeBiases, Implementation.TUNED, batches);
            assertClose(stockGradient, tunedGradient, 1e-5, v.name() + ": first gradient");

            MultiLayerNetwork stock = train(spec, v.points().get(0).regularizer(), penalizeBiases, Implementation.STOCK, batches);
            MultiLayerNetwork tuned = train(spec, v.points().get(0).regularizer(), penalizeBiases, Implementation.TUNED, batches);
            double moved = maxAbs(tuned.params().sub(initial));
            double apart = maxAbs(tuned.params().sub(stock.params()));
            assertTrue(moved > 1e-3, v.name() + ": training changed the parameters (" + moved + ")");
            assertTrue(apart < 1e-3 * moved, v.name() + ": tuned and stock parameters after " + batches.size()
                    + " steps differ by " + apart + ", training moved them by " + moved);
            for (int i = 0; i < spec.hidden().size(); i++) {
                assertEquals(batches.size(), ((ReusingDenseLayerImpl) tuned.getLayer(i)).reuses(),
                        v.name() + ": layer " + i + " reused z in every backprop");
                assertEquals(spec.activation() == Activation.RELU ? batches.size() : 0,
                        ((ReusingDenseLayerImpl) tuned.getLayer(i)).fusedForwards(),
                        v.name() + ": layer " + i + ": ReLU layers take the fused forward pass, others DL4J's");
                assertEquals(i == 0 ? batches.size() : 0, ((ReusingDenseLayerImpl) tuned.getLayer(i)).inputGradientsSkipped(),
                        v.name() + ": only the first layer skips its (discarded) input gradient");
            }
            assertEquals(batches.size(), ((ReusingOutputLayerImpl) tuned.getOutputLayer()).reuses(),
                    v.name() + ": the score reused backprop's output-layer z every step");
            assertEquals(batches.size(), ((TunedNetwork) tuned).fusedUpdater().fusedSteps(),
                    v.name() + ": every update took the fused pass");
            // Surefire passes the foreign linker and native access: the pass runs on every OpenMP thread when
            // there are several and the network is large enough (the MNIST MLP is, the tanh net is not).
            boolean parallel = OmpRegion.worthwhile(tuned.numParams());
            assertEquals(parallel ? batches.size() : 0, ((TunedNetwork) tuned).fusedUpdater().parallelSteps(),
                    v.name() + ": OpenMP-region updates");
            assertEquals(batches.size(), ((TunedNetwork) tuned).fusedStep().skipped(),
                    v.name() + ": the fused pass took every step (the step function skipped it)");
            // DL4J's float reductions are off by up to 4e-4 (relative) on the MNIST MLP; one BLAS call is closer.
            double exact = exactPenalty(tuned, v.points().get(0).regularizer(), penalizeBiases);
            assertEquals(exact, tuned.calcRegularizationScore(true), 1e-5 * exact, v.name() + ": penalty");
            assertEquals(exact, stock.calcRegularizationScore(true), 1e-3 * exact, v.name() + ": DL4J's penalty");
            // Inference: as for the parameters, the disagreement must be 1,000× smaller than what training changed
            // in the output. Not a fixed fraction of the output: gradients jump where L1's sign(w) flips at w = 0
            // and where a ReLU's pre-activation crosses 0, so a rounding difference that moves one across the kink
            // switches that unit's gradient for a step (measured, AMD EPYC Zen 3 in the feature-major layout:
            // dropout-max-norm's layer-0 unit 644 ended 8e-5 apart, every other unit < 2e-6; output 4.4e-4 of its
            // largest value; l1-l2 in the batch-major layout 3.2e-4).
            INDArray x = batches.get(0).getFeatures();
            MultiLayerNetwork untrained = NetworkFactory.build(spec, r, penalizeBiases, 11, Implementation.STOCK);
            double outputMoved = maxAbs(stock.output(x).sub(untrained.output(x)));
            double outputApart = maxAbs(stock.output(x).sub(tuned.output(x)));
            assertTrue(outputApart < 1e-3 * outputMoved, v.name() + ": inference outputs differ by " + outputApart
                    + ", training moved them by " + outputMoved);
        }
    }

    @Test
    void theUpdatePassScoresThePenaltiesOfTheParametersItReads() {
        // In training the fused pass sums Σw² and Σ|w| as it reads the weights and adds the penalties to the score
        // (TunedSgd): the score after fit must be DL4J's — loss + penalties of the parameters BEFORE the step —
        // as computeGradientAndScore outside fit (DL4J's order, penalties first) gives it for the same batch.
        List<DataSet> batches = batches(MNIST_MLP, 3);
        for (Regularizer r : List.of(RegularizerKind.L2.with(1e-3), RegularizerKind.L1.with(1e-4),
                RegularizerKind.WEIGHT_DECAY.with(1e-3), RegularizerKind.DROPOUT_L2.with(0.8, 0.5, 1e-3))) {
            MultiLayerNetwork net = NetworkFactory.build(MNIST_MLP, r, true, 11, Implementation.TUNED);
            MultiLayerNetwork reference = NetworkFactory.build(MNIST_MLP, r, true, 11, Implementation.TUNED);
            for (int step = 0; step < batches.size(); step++) {
                String what = r + ", step " + step;
                DataSet batch = batches.get(step);
                reference.setParams(net.params());
                reference.setInput(batch.getFeatures());
                reference.setLabels(batch.getLabels());
                Nd4j.getRandom().setSeed(40 + step); // the same dropout masks in both
                reference.computeGradientAndScore();
                double before = exactPenalty(net, r, true);
                Nd4j.getRandom().setSeed(40 + step);
                net.fit(batch);
                double after = exactPenalty(net, r, true);
                double tolerance = 1e-8 * before; // the sums' order differs: 7e-10 relative seen
                assertEquals(reference.score(), net.score(), tolerance, what + ": score after fit");
                assertTrue(Math.abs(after - before) > 100 * tolerance,
                        what + ": the penalty after the step differs enough for the test to tell them apart");
            }
            assertEquals(batches.size(), ((TunedNetwork) net).fusedUpdater().penaltiesScored(),
                    r + ": every step scored the penalties in the update pass");
        }
        // A listener may read the score between loss and update (onGradientCalculation): then DL4J's order stays.
        Regularizer l2 = RegularizerKind.L2.with(1e-3);
        MultiLayerNetwork plain = NetworkFactory.build(MNIST_MLP, l2, true, 11, Implementation.TUNED);
        MultiLayerNetwork listened = NetworkFactory.build(MNIST_MLP, l2, true, 11, Implementation.TUNED);
        listened.setListeners(new ScoreIterationListener(1_000));
        plain.fit(batches.get(0));
        listened.fit(batches.get(0));
        assertEquals(0, ((TunedNetwork) listened).fusedUpdater().penaltiesScored(), "with a listener");
        assertEquals(1, ((TunedNetwork) listened).fusedUpdater().fusedSteps(), "with a listener: still the fused update");
        assertEquals(plain.score(), listened.score(), 1e-8 * plain.score(), "with a listener: the same score");
    }

    @Test
    void bothActivationLayoutsComputeTheSameProductsAndTrainAlike() {
        // Feature-major (oneDNN's AVX-512 kernels) and batch-major (AVX2) give the same z and ∂x up to float
        // rounding, each in its layout, and the same training — whichever layout this machine uses.
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 300).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, 200).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, 300, 200).subi(0.5).dup('f');
        INDArray delta = Nd4j.rand(DataType.FLOAT, 200, 64).subi(0.5).transpose(); // column-major 64 × 200
        INDArray expectedZ = x.mmul(w).addiRowVector(bias);
        INDArray expectedDx = delta.mmul(w.transpose());
        Map<ActivationLayout, Character> order = Map.of(ActivationLayout.FEATURE_MAJOR, 'f',
                ActivationLayout.BATCH_MAJOR, 'c');
        for (ActivationLayout layout : ActivationLayout.values()) {
            DenseProducts products = new DenseProducts(layout);
            LayerWorkspaceMgr ws = LayerWorkspaceMgr.noWorkspaces();
            for (INDArray input : new INDArray[] {x, x.dup('f')}) {
                INDArray z = products.forward(input, w, bias, ws, false);
                assertClose(expectedZ, z, 1e-6, layout + ", input " + input.ordering() + ": z");
                assertEquals(order.get(layout), z.ordering(), layout + ": z's layout");
                INDArray zRows = products.forward(input, w, bias, ws, true);
                assertClose(expectedZ, zRows, 1e-6, layout + ": row-major z");
                assertEquals('c', zRows.ordering(), layout + ": row-major z for the loss");
            }
            for (INDArray d : new INDArray[] {delta, delta.dup('c')}) {
                INDArray dx = products.inputGradient(d, w, ws);
                assertClose(expectedDx, dx, 1e-6, layout + ", δ " + d.ordering() + ": ∂x");
                assertEquals(order.get(layout), dx.ordering(), layout + ": ∂x in the layout the layer below reads");
            }
        }
        List<DataSet> batches = batches(MNIST_MLP, 4);
        Regularizer r = RegularizerKind.DROPOUT_L2.with(0.8, 0.5, 1e-4);
        INDArray initial = NetworkFactory.build(MNIST_MLP, r, false, 11).params().dup();
        List<INDArray> trained = new ArrayList<>();
        try {
            for (ActivationLayout layout : ActivationLayout.values()) {
                ActivationLayout.override(layout);
                MultiLayerNetwork net = train(MNIST_MLP, r, false, Implementation.TUNED, batches);
                assertEquals(layout, ((ReusingDenseLayerImpl) net.getLayer(1)).layout());
                assertTrue(((ReusingDenseLayerImpl) net.getLayer(1)).fusedForwards() > 0, layout + ": fused forward");
                trained.add(net.params());
            }
        } finally {
            ActivationLayout.override(null);
        }
        double moved = maxAbs(trained.get(0).sub(initial));
        assertTrue(maxAbs(trained.get(0).sub(trained.get(1))) < 1e-3 * moved, "the two layouts train alike");
    }

    @Test
    void theLayoutFollowsOneDnnsInstructionSet() {
        CpuInfo avx512 = cpu("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl");
        CpuInfo avx2 = cpu("sse4_2", "avx", "avx2", "fma");
        assertEquals(ActivationLayout.FEATURE_MAJOR, ActivationLayout.choose(avx512, null));
        assertEquals(ActivationLayout.FEATURE_MAJOR, ActivationLayout.choose(avx512, "avx512_core_bf16"));
        assertEquals(ActivationLayout.FEATURE_MAJOR, ActivationLayout.choose(avx512, "ALL"));
        assertEquals(ActivationLayout.BATCH_MAJOR, ActivationLayout.choose(avx512, "AVX2"));
        assertEquals(ActivationLayout.BATCH_MAJOR, ActivationLayout.choose(avx2, null));
    }

    private static CpuInfo cpu(String... flags) {
        return new CpuInfo("AuthenticAMD", 25, 1, 1, "AMD EPYC", 2600.0, 2, 2, 1, List.of(flags), 32, 32, 512, 32768);
    }

    @Test
    void theFusedStepLeavesTheGradientAsBackpropWroteIt() {
        // DL4J's updater overwrites the gradient view with the update; the fused pass only reads it (a store
        // stream less), so after fit the view holds the summed gradient of the batch.
        List<DataSet> batches = batches(MNIST_MLP, 1);
        Regularizer l2 = RegularizerKind.L2.with(1e-3);
        INDArray gradient = firstGradient(MNIST_MLP, l2, true, Implementation.TUNED, batches);
        MultiLayerNetwork net = NetworkFactory.build(MNIST_MLP, l2, true, 11, Implementation.TUNED);
        INDArray initial = net.params().dup();
        Nd4j.getRandom().setSeed(5);
        net.fit(batches.get(0));
        assertEquals(1, ((TunedNetwork) net).fusedUpdater().fusedSteps());
        assertClose(gradient, net.getGradientsViewArray(), 1e-6, "gradient view after the fused step");
        assertTrue(maxAbs(net.params().sub(initial)) > 0, "the step moved the parameters");
    }

    /** @return the gradient (penalty included, before the updater) of the first batch, from the initial parameters */
    private static INDArray firstGradient(NetworkSpec spec, Regularizer regularizer, boolean penalizeBiases,
                                          Implementation implementation, List<DataSet> batches) {
        MultiLayerNetwork net = NetworkFactory.build(spec, regularizer, penalizeBiases, 11, implementation);
        Nd4j.getRandom().setSeed(5);
        net.setInput(batches.get(0).getFeatures());
        net.setLabels(batches.get(0).getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    /** Asserts max |a − b| ≤ tolerance × max |a|. */
    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        double scale = maxAbs(expected);
        double diff = maxAbs(expected.sub(actual));
        assertTrue(scale > 0, what + ": all zero");
        assertTrue(diff <= tolerance * scale, what + ": max difference " + diff + " exceeds " + tolerance + " × " + scale);
    }

    private static double maxAbs(INDArray a) {
        return a.amaxNumber().doubleValue();
    }

    /** The penalty summed in double precision over the parameters as floats. */
    private static double exactPenalty(MultiLayerNetwork net, Regularizer regularizer, boolean penalizeBiases) {
        double l1 = 0;
        double l2 = 0;
        for (var layer : net.getLayers()) {
            for (var e : layer.paramTable().entrySet()) {
                if (e.getKey().equals("b") && !penalizeBiases) {
                    continue;
                }
                for (float w : e.getValue().dup().data().asFloat()) {
                    l1 += Math.abs((double) w);
                    l2 += (double) w * w;
                }
            }
        }
        return regularizer.l1() * l1 + 0.5 * (regularizer.l2() + regularizer.weightDecay()) * l2;
    }

    @ParameterizedTest
    @EnumSource(ActivationLayout.class)
    void mnistMlpTrainsAsDl4jStockLayersDo(ActivationLayout layout) {
        inLayout(layout, () -> assertTrainsLikeStock(MNIST_MLP, false));
    }

    @ParameterizedTest
    @EnumSource(ActivationLayout.class)
    void tanhRegressionWithPenalizedBiasesTrainsAsStockDoes(ActivationLayout layout) {
        inLayout(layout, () -> assertTrainsLikeStock(TANH_REGRESSION, true));
    }

    /** Runs {@code test} with the tuned layers in {@code layout}, whatever this machine's. */
    private static void inLayout(ActivationLayout layout, Runnable test) {
        ActivationLayout.override(layout);
        try {
            test.run();
        } finally {
            ActivationLayout.override(null);
        }
    }

    @Test
    void adamFallsBackToDl4jsUpdaterAndInputGradientsAreStillThereWhenAskedFor() {
        NetworkSpec adam = new NetworkSpec(784, List.of(64), 10, Activation.RELU, WeightInitScheme.HE,
                OutputKind.SOFTMAX_CROSS_ENTROPY, new OptimizerSpec(OptimizerSpec.Type.ADAM, 1e-3, 0));
        List<DataSet> batches = batches(adam, 3);
        Regularizer l2 = RegularizerKind.L2.with(1e-4);
        MultiLayerNetwork stock = train(adam, l2, false, Implementation.STOCK, batches);
        MultiLayerNetwork tuned = train(adam, l2, false, Implementation.TUNED, batches);
        assertEquals(0, ((TunedNetwork) tuned).fusedUpdater().fusedSteps(), "Adam takes DL4J's updater");
        assertEquals(0, ((TunedNetwork) tuned).fusedStep().skipped(), "and DL4J's step");
        double apart = maxAbs(tuned.params().sub(stock.params()));
        assertTrue(apart < 1e-4, "Adam: tuned and stock differ by " + apart);

        // calculateGradients asks for the input gradient: the first layer must compute it, as DL4J's does.
        DataSet b = batches.get(0);
        INDArray stockInput = stock.calculateGradients(b.getFeatures(), b.getLabels(), null, null).getSecond();
        INDArray tunedInput = tuned.calculateGradients(b.getFeatures(), b.getLabels(), null, null).getSecond();
        assertClose(stockInput, tunedInput, 1e-4, "input gradient");
    }

    @Test
    void tunedPenaltiesAndLayersAreTheOnesInUse() {
        MultiLayerConfiguration conf = NetworkFactory.configuration(MNIST_MLP, RegularizerKind.L2.with(1e-4), true, 1);
        BaseLayer hidden = (BaseLayer) conf.getConf(0).getLayer();
        assertInstanceOf(ReusingDenseLayer.class, hidden);
        assertInstanceOf(L2Penalty.class, hidden.getRegularization().get(0));
        assertInstanceOf(L2Penalty.class, hidden.getRegularizationBias().get(0));
        assertInstanceOf(L1Penalty.class, ((BaseLayer) NetworkFactory.configuration(MNIST_MLP,
                RegularizerKind.L1.with(1e-5), false, 1).getConf(1).getLayer()).getRegularization().get(0));
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        assertInstanceOf(ReusingDenseLayerImpl.class, net.getLayer(0));
        Regularizer dropout = RegularizerKind.DROPOUT_L2.with(0.8, 0.5, 1e-4);
        for (int layer = 0; layer < 3; layer++) {
            assertInstanceOf(UniformMaskDropout.class, ((BaseLayer) NetworkFactory.configuration(MNIST_MLP, dropout,
                    false, 1).getConf(layer).getLayer()).getIDropout(), "layer " + layer);
            assertEquals(Dropout.class, ((BaseLayer) NetworkFactory.configuration(MNIST_MLP, dropout, false, 1,
                    Implementation.STOCK).getConf(layer).getLayer()).getIDropout().getClass(), "layer " + layer);
        }

        MultiLayerConfiguration stock = NetworkFactory.configuration(MNIST_MLP, RegularizerKind.L2.with(1e-4), true, 1,
                Implementation.STOCK);
        BaseLayer stockHidden = (BaseLayer) stock.getConf(0).getLayer();
        assertEquals(DenseLayer.class, stockHidden.getClass());
        assertEquals(L2Regularization.class, stockHidden.getRegularization().get(0).getClass());
        assertEquals(L1Regularization.class, ((BaseLayer) NetworkFactory.configuration(MNIST_MLP,
                RegularizerKind.L1.with(1e-5), false, 1, Implementation.STOCK).getConf(1).getLayer())
                .getRegularization().get(0).getClass());
    }

    @Test
    void uniformMaskDropoutDrawsDl4jsMaskBitForBit() {
        // 128 × 300 and 37 × 45: whole vectors and remainders in both orderings.
        for (long[] shape : new long[][] {{128, 300}, {37, 45}}) {
            for (double retain : new double[] {0.5, 0.8, 0.3, 0.9, 1 / 3.0}) {
                String what = "retain " + retain + ", " + shape[0] + "×" + shape[1];
                INDArray x = Nd4j.rand(DataType.FLOAT, shape).addi(0.5);
                List<INDArray> stock = draws(new Dropout(retain), x, 'c');
                List<INDArray> tuned = draws(new UniformMaskDropout(retain), x, 'c');
                // The tuned layers hand on column-major activations: the mask must still be DL4J's row-major one.
                List<INDArray> tunedColumnMajor = draws(new UniformMaskDropout(retain), x.dup('f'), 'f');
                assertEquals(stock, tuned, what);
                assertEquals(stock, tunedColumnMajor, what + ", column-major activations");
                assertEquals('f', tunedColumnMajor.get(0).ordering());
                assertNotEquals(stock.get(0), stock.get(2), "successive masks differ");
                double kept = stock.get(1).neq(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
                assertEquals(retain, kept, shape[0] == 128 ? 0.01 : 0.05, what + ": fraction kept");
                // The Java pass against the libnd4j ops it replaces (and falls back to): output, mask, state.
                for (char order : new char[] {'c', 'f'}) {
                    String where = what + ", " + order;
                    Nd4j.getRandom().setSeed(77);
                    INDArray in = x.dup(order);
                    UniformMaskDropout d = new UniformMaskDropout(retain);
                    INDArray javaOut = d.applyDropout(in, Nd4j.createUninitialized(DataType.FLOAT, shape, order), 0, 0,
                            LayerWorkspaceMgr.noWorkspaces());
                    long[] javaState = {Nd4j.getRandom().rootState(), Nd4j.getRandom().nodeState()};
                    Nd4j.getRandom().setSeed(77);
                    INDArray opsOut = Nd4j.createUninitialized(DataType.FLOAT, shape, order);
                    INDArray opsMask = UniformMaskDropout.drawWithOps(in, opsOut, (float) retain,
                            LayerWorkspaceMgr.noWorkspaces());
                    assertEquals(opsOut, javaOut, where);
                    assertEquals(opsMask, d.getMask(), where + ": the mask, built on demand");
                    assertArrayEquals(new long[] {Nd4j.getRandom().rootState(), Nd4j.getRandom().nodeState()},
                            javaState, where + ": generator state after the draw");
                    // Gradients of two orderings cannot take the Java pass: DL4J's backprop, on the mask built for it.
                    INDArray g = Nd4j.rand(DataType.FLOAT, shape).dup(order);
                    INDArray gradIn = Nd4j.createUninitialized(DataType.FLOAT, shape, order == 'c' ? 'f' : 'c');
                    assertEquals(g.mul(opsMask), d.backprop(g, gradIn, 0, 0), where + ": backprop, mixed orderings");
                }
            }
        }
        assertInstanceOf(UniformMaskDropout.class, new UniformMaskDropout(0.5).clone());
    }

    /** Three dropout draws (seed 21) on x, each followed by backprop of ones: [out, grad, out, grad, out, grad]. */
    private static List<INDArray> draws(Dropout d, INDArray x, char order) {
        List<INDArray> into = new ArrayList<>();
        Nd4j.getRandom().setSeed(21);
        for (int draw = 0; draw < 3; draw++) { // three draws: the generator must advance alike too
            INDArray out = d.applyDropout(x, Nd4j.createUninitialized(DataType.FLOAT, x.shape(), order), draw, 0,
                    LayerWorkspaceMgr.noWorkspaces());
            INDArray grad = d.backprop(Nd4j.ones(DataType.FLOAT, x.shape()).dup(order),
                    Nd4j.createUninitialized(DataType.FLOAT, x.shape(), order), draw, 0);
            into.add(out);
            into.add(grad);
        }
        return into;
    }

    @Test
    void libnd4jsGeneratorIsReproducedInJava() {
        for (long seed : new long[] {21, 1, -7, 123_456_789_012L}) {
            Nd4j.getRandom().setSeed(seed);
            for (int draw = 0; draw < 3; draw++) {
                Optional<LibNd4jUniforms> state = LibNd4jUniforms.current();
                assertTrue(state.isPresent(), "the CPU backend's generator");
                INDArray u = Nd4j.createUninitialized(DataType.FLOAT, 3, 70_001);
                Nd4j.getExecutioner().exec(new UniformDistribution(u, 0.0, 1.0));
                float[] expected = u.data().asFloat();
                for (int i = 0; i < expected.length; i++) {
                    if (expected[i] != state.get().uniform(i)) {
                        fail("seed " + seed + ", draw " + draw + ", element " + i + ": libnd4j " + expected[i]
                                + ", Java " + state.get().uniform(i));
                    }
                }
                assertEquals(new LibNd4jUniforms(Nd4j.getRandom().rootState(), Nd4j.getRandom().nodeState()),
                        state.get().afterDraw(u.length()), "seed " + seed + ", state after draw " + draw);
            }
        }
    }

    @Test
    void tunedConfigurationIsDl4jsFieldForFieldAndSurvivesJson() throws Exception {
        for (Variant v : Fixtures.everyKind()) {
            MultiLayerConfiguration tuned = NetworkFactory.configuration(MNIST_MLP, v.points().get(0).regularizer(), true, 3);
            MultiLayerConfiguration stock = NetworkFactory.configuration(MNIST_MLP, v.points().get(0).regularizer(), true, 3,
                    Implementation.STOCK);
            assertEquals(withoutClassNames(stock.toJson()), withoutClassNames(tuned.toJson()), v.name());
            MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(tuned.toJson());
            assertEquals(tuned, restored, v.name() + ": JSON round trip");
            assertInstanceOf(ReusingDenseLayer.class, restored.getConf(1).getLayer());
            assertInstanceOf(ReusingOutputLayer.class, restored.getConf(restored.getConfs().size() - 1).getLayer());
            if (v.points().get(0).regularizer().hiddenRetain() < 1) {
                assertInstanceOf(UniformMaskDropout.class, ((BaseLayer) restored.getConf(1).getLayer()).getIDropout());
            }
            List<Class<?>> penalties = ((BaseLayer) restored.getConf(1).getLayer()).getRegularization().stream()
                    .map(Object::getClass).collect(java.util.stream.Collectors.toList());
            Regularizer r = v.points().get(0).regularizer();
            List<Class<?>> expected = new ArrayList<>();
            if (r.l1() > 0) {
                expected.add(L1Penalty.class);
            }
            if (r.l2() > 0) {
                expected.add(L2Penalty.class);
            }
            if (r.weightDecay() > 0) {
                expected.add(DecoupledWeightDecay.class);
            }
            assertEquals(expected, penalties, v.name() + ": one tuned penalty per component, each once");
            if (r.maxNorm().isPresent()) {
                assertInstanceOf(ColumnMaxNorm.class, ((BaseLayer) restored.getConf(1).getLayer()).getConstraints()
                        .get(0), v.name() + ": the tuned max-norm pass, restored from JSON");
            }
        }
    }

    private static JsonNode withoutClassNames(String json) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(json);
        int removed = JsonTrees.removeFields(tree, (name, value) -> name.equals("@class")
                && value.asText().matches(".*(DenseLayer|OutputLayer|Regularization|Penalty|Dropout|WeightDecay|MaxNormConstraint|ColumnMaxNorm)"));
        assertTrue(removed >= 2, "the class names this test strips must exist");
        return tree;
    }
}
