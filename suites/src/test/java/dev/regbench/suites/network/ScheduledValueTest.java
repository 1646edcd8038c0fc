package dev.regbench.suites.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Nesterovs;

/** Each schedule's value at chosen iterations, worked by hand from its definition; and DL4J's updater gets it. */
class ScheduledValueTest {
    private static double lr(LearningRateSchedule s, int iteration) {
        return ScheduledValue.learningRate(0.1, s, 10, 5).valueAt(iteration, 0); // 10 steps per epoch, 5 epochs
    }

    @Test
    void everyRuleAtHandWorkedPoints() {
        // t = iteration / 10 epochs; T = 5 epochs.
        assertEquals(0.1, lr(LearningRateSchedule.CONSTANT, 37), 1e-15);
        LearningRateSchedule step = new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 2, 0);
        assertEquals(0.1, lr(step, 19), 1e-15, "t = 1.9: no step yet");
        assertEquals(0.05, lr(step, 20), 1e-15, "t = 2.0: first halving");
        assertEquals(0.025, lr(step, 49), 1e-15, "t = 4.9: floor(2.45) = 2 halvings");
        LearningRateSchedule exp = new LearningRateSchedule(LearningRateSchedule.Kind.EXPONENTIAL, 0.9, 0, 0);
        assertEquals(0.1 * 0.7684334714209161, lr(exp, 25), 1e-15, "0.9^2.5");
        LearningRateSchedule linear = new LearningRateSchedule(LearningRateSchedule.Kind.LINEAR, 1, 0, 0);
        assertEquals(0.05, lr(linear, 25), 1e-15, "half-way: half");
        assertEquals(0.0, lr(linear, 50), 1e-15, "0 at the end");
        LearningRateSchedule cosine = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1, 0, 0);
        assertEquals(0.05, lr(cosine, 25), 1e-15, "½(1 + cos(π/2))");
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 0.5 / 5)), lr(cosine, 5), 1e-15, "t = 0.5 of T = 5");
        assertEquals(0.0, lr(cosine, 50), 1e-15);
        LearningRateSchedule warm = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1, 0, 1);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 0.4 / 5)) * 0.5, lr(warm, 4), 1e-15,
                "iteration 4 of a 10-iteration warm-up: ×(4 + 1)/10");
        assertEquals(lr(cosine, 10), lr(warm, 10), 1e-15, "after the warm-up, the schedule itself");
        ScheduledValue momentum = ScheduledValue.momentum(0.5, new MomentumRamp(0.99, 2), 10, 5);
        assertEquals(0.5, momentum.valueAt(0, 0), 1e-15);
        assertEquals(0.745, momentum.valueAt(10, 0), 1e-15, "half-way through the ramp");
        assertEquals(0.99, momentum.valueAt(35, 0), 1e-15, "held after it");
    }

    @Test
    void theNetworksUpdaterCarriesTheScheduleAndSurvivesDl4jsJson() {
        OptimizerSpec o = new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.1, 0.5,
                new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1, 0, 0), new MomentumRamp(0.9, 2), null)
                .over(10, 5);
        NetworkSpec spec = new NetworkSpec(4, java.util.List.of(3), 2, Activation.RELU, WeightInitScheme.HE,
                OutputKind.SOFTMAX_CROSS_ENTROPY, o);
        MultiLayerConfiguration conf = NetworkFactory.configuration(spec, Regularizer.none(), false, 1,
                Implementation.STOCK);
        MultiLayerConfiguration again = MultiLayerConfiguration.fromJson(conf.toJson());
        for (MultiLayerConfiguration c : java.util.List.of(conf, again)) {
            Nesterovs n = assertInstanceOf(Nesterovs.class, ((BaseLayer) c.getConf(0).getLayer()).getIUpdater());
            assertEquals(0.05, n.getLearningRate(25, 0), 1e-15);
            assertEquals(0.7, n.currentMomentum(10, 0), 1e-15);
        }
    }
}
