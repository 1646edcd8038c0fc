package dev.regbench.suites.tuned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.NetworkFactory;
import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.OutputKind;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
import dev.regbench.suites.network.WeightInitScheme;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.stepfunctions.NegativeGradientStepFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One update step of the tuned {@link FusedUpdater} (batch division, L1/L2 before the updater, the updater, decoupled
 * weight decay after it, and the step w −= update, in one pass) against DL4J's own {@link MultiLayerUpdater} and step
 * function, on identical parameters, gradients and updater state: for SGD, Nesterov momentum and Adam, with no
 * penalty, L1, L2, L1+L2 and weight decay at strengths that move every parameter far more than any rounding.
 * Each step feeds both the same gradient (DL4J's stock network computes it), so only the update differs.
 */
class UpdateStepTest {
    private static final int BATCH = 8;
    private static final int STEPS = 3;

    /** The penalties at strengths comparable to the data gradient (λ·|w| vs |∂L/∂w|/batch). */
    private static final Map<String, Regularizer> PENALTIES = Map.of(
            "none", Regularizer.none(),
            "l1", RegularizerKind.L1.with(0.05),
            "l2", RegularizerKind.L2.with(0.5),
            "l1-l2", RegularizerKind.L1_L2.with(0.05, 0.5),
            "weight-decay", RegularizerKind.WEIGHT_DECAY.with(0.5));

    private static NetworkSpec spec(OptimizerSpec optimizer) {
        return new NetworkSpec(20, List.of(32, 16), 3, Activation.RELU, WeightInitScheme.HE,
                OutputKind.SOFTMAX_CROSS_ENTROPY, optimizer);
    }

    /** Parameters and updater state of both networks after each step. */
    private record Trajectory(List<float[]> stockParams, List<float[]> tunedParams, List<float[]> stockState,
                              List<float[]> tunedState, FusedUpdater fused) {
    }

    private static Trajectory steps(OptimizerSpec optimizer, Regularizer r) {
        NetworkSpec spec = spec(optimizer);
        MultiLayerNetwork stock = NetworkFactory.build(spec, r, false, 3, Implementation.STOCK);
        TunedNetwork tuned = (TunedNetwork) NetworkFactory.build(spec, r, false, 3, Implementation.TUNED);
        assertEquals(stock.params(), tuned.params(), "same initial parameters");
        LayerWorkspaceMgr ws = LayerWorkspaceMgr.noWorkspaces();
        Nd4j.getRandom().setSeed(17);
        List<float[]> sp = new java.util.ArrayList<>();
        List<float[]> tp = new java.util.ArrayList<>();
        List<float[]> ss = new java.util.ArrayList<>();
        List<float[]> ts = new java.util.ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 20).subi(0.5).muli(4);
            INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 3);
            for (int i = 0; i < BATCH; i++) {
                y.putScalar(i, (i + step) % 3, 1);
            }
            stock.setInput(x);
            stock.setLabels(y);
            stock.computeGradientAndScore();
            Gradient gs = stock.gradient();
            tuned.setInput(x);
            tuned.setLabels(y);
            tuned.computeGradientAndScore();
            Gradient gt = tuned.gradient();
            gt.gradient().assign(gs.gradient()); // the same gradient for both: only the update is compared
            if (step > 0) {
                tuned.params().assign(stock.params()); // the same start for every step: errors do not add up
                if (stock.getUpdater().getStateViewArray() != null) { // SGD has no state
                    tuned.getUpdater().getStateViewArray().assign(stock.getUpdater().getStateViewArray());
                }
            }
            ((MultiLayerUpdater) stock.getUpdater()).update(gs, step, 0, BATCH, ws);
            new NegativeGradientStepFunction().step(stock.params(), gs.gradient());
            tuned.fusedUpdater().update(gt, step, 0, BATCH, ws);
            tuned.fusedStep().step(tuned.params(), gt.gradient()); // skipped where the fused pass took the step
            sp.add(stock.params().toFloatVector());
            tp.add(tuned.params().toFloatVector());
            INDArray stockState = stock.getUpdater().getStateViewArray();
            ss.add(stockState == null ? new float[0] : stockState.toFloatVector());
            INDArray tunedState = tuned.getUpdater().getStateViewArray();
            ts.add(tunedState == null ? new float[0] : tunedState.toFloatVector());
        }
        return new Trajectory(sp, tp, ss, ts, tuned.fusedUpdater());
    }

    /** @return the largest distance in units in the last place between equal-index elements */
    static long maxUlps(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        long max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, ulps(a[i], b[i]));
        }
        return max;
    }

    static long ulps(float a, float b) {
        if (Float.compare(a, b) == 0 || a == b) {
            return 0;
        }
        // Order floats as integers (negative ones mirrored), so that neighbours are 1 apart across zero too.
        long ia = Float.floatToIntBits(a);
        long ib = Float.floatToIntBits(b);
        ia = ia < 0 ? Integer.MIN_VALUE - ia : ia;
        ib = ib < 0 ? Integer.MIN_VALUE - ib : ib;
        return Math.abs(ia - ib);
    }

    private static final List<OptimizerSpec> OPTIMIZERS = List.of(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0),
            new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.1, 0.9), new OptimizerSpec(OptimizerSpec.Type.ADAM, 0.01, 0),
            // Schedules: the learning rate and momentum change at every one of the steps (one step per "epoch").
            new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0, new dev.regbench.suites.network.LearningRateSchedule(
                    dev.regbench.suites.network.LearningRateSchedule.Kind.COSINE, 1, 0, 0), null, null).over(1, STEPS + 1),
            new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.1, 0.5, new dev.regbench.suites.network.LearningRateSchedule(
                    dev.regbench.suites.network.LearningRateSchedule.Kind.STEP, 0.5, 1, 0.5),
                    new dev.regbench.suites.network.MomentumRamp(0.95, STEPS), null).over(1, STEPS + 1));

    @Test
    void theFusedUpdateEqualsDl4jsUpdaterAndStepToTheLastBitForEveryOptimizerAndPenalty() {
        for (OptimizerSpec o : OPTIMIZERS) {
            String name = o.type() + (o.scheduled() ? " (" + o.describeSchedule() + ")" : "");
            Trajectory plain = steps(o, PENALTIES.get("none"));
            for (Map.Entry<String, Regularizer> p : PENALTIES.entrySet()) {
                String what = name + " + " + p.getKey();
                Trajectory t = p.getKey().equals("none") ? plain : steps(o, p.getValue());
                // SGD and Nesterov take the fused pass; Adam is DL4J's own updater in both (the plan refuses it).
                assertEquals(o.type() == OptimizerSpec.Type.ADAM ? 0 : STEPS, t.fused().fusedSteps(), what + ": fused steps");
                for (int s = 0; s < STEPS; s++) {
                    // The fused pass evaluates DL4J's float expressions in DL4J's order (no fused multiply-adds):
                    // parameters and updater state agree to the last bit.
                    assertEquals(0, maxUlps(t.stockParams().get(s), t.tunedParams().get(s)), what + ", step " + s + ": parameters");
                    assertEquals(0, maxUlps(t.stockState().get(s), t.tunedState().get(s)), what + ", step " + s + ": updater state");
                }
                if (!p.getKey().equals("none")) {
                    // ... and the penalty moved the parameters, so equality is not that of two updates without it.
                    float[] with = t.stockParams().get(STEPS - 1);
                    float[] without = plain.stockParams().get(STEPS - 1);
                    int moved = 0;
                    for (int i = 0; i < with.length; i++) {
                        if (ulps(with[i], without[i]) > 1000) {
                            moved++;
                        }
                    }
                    int weights = 20 * 32 + 32 * 16 + 16 * 3;
                    assertTrue(moved > 0.9 * weights, what + ": the penalty moved " + moved + " of " + weights
                            + " weights by more than 1,000 units in the last place");
                }
            }
        }
    }

    @Test
    void thePassOnEveryOpenMpThreadEqualsThePassOnOneToTheLastBit() {
        org.junit.jupiter.api.Assumptions.assumeTrue(OmpRegion.available() && OmpRegion.maxThreads() > 1,
                "needs OpenMP regions with 2+ threads (the build machines have 2 cores)");
        // Large enough for a region (OmpRegion.MIN_ELEMENTS): 784-400-10, 318k parameters.
        NetworkSpec big = new NetworkSpec(784, List.of(400), 10, Activation.RELU, WeightInitScheme.HE,
                OutputKind.SOFTMAX_CROSS_ENTROPY, new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.1, 0.9));
        for (Regularizer r : List.of(RegularizerKind.L1_L2.with(0.05, 0.5), RegularizerKind.WEIGHT_DECAY.with(0.5))) {
            TunedNetwork parallel = (TunedNetwork) NetworkFactory.build(big, r, false, 3, Implementation.TUNED);
            TunedNetwork serial = (TunedNetwork) NetworkFactory.build(big, r, false, 3, Implementation.TUNED);
            serial.fusedUpdater().allowRegions(false);
            Nd4j.getRandom().setSeed(23);
            for (int step = 0; step < STEPS; step++) {
                INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 784);
                INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
                for (int i = 0; i < BATCH; i++) {
                    y.putScalar(i, (i * 3 + step) % 10, 1);
                }
                parallel.fit(new org.nd4j.linalg.dataset.DataSet(x, y));
                serial.fit(new org.nd4j.linalg.dataset.DataSet(x, y));
                assertEquals(0, maxUlps(parallel.params().toFloatVector(), serial.params().toFloatVector()),
                        r + ", step " + step + ": parameters");
                assertEquals(0, maxUlps(parallel.getUpdater().getStateViewArray().toFloatVector(),
                        serial.getUpdater().getStateViewArray().toFloatVector()), r + ", step " + step + ": velocity");
            }
            assertEquals(STEPS, parallel.fusedUpdater().parallelSteps(), r + ": the parallel network used regions");
            assertEquals(0, serial.fusedUpdater().parallelSteps(), r + ": the serial one did not");
            assertEquals(STEPS, serial.fusedUpdater().fusedSteps(), r + ": but took the fused pass");
        }
    }
}
