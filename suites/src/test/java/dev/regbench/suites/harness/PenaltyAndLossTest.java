package dev.regbench.suites.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.Examples;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.NetworkFactory;
import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.OutputKind;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
import dev.regbench.suites.network.WeightInitScheme;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** DL4J's score() includes the penalty; regbench's reported loss must not. Penalty conventions pinned. */
class PenaltyAndLossTest {
    private static final NetworkSpec CLASSIFIER = new NetworkSpec(8, List.of(16), 4, Activation.RELU,
            WeightInitScheme.HE, OutputKind.SOFTMAX_CROSS_ENTROPY, new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0));
    private static final NetworkSpec REGRESSOR = new NetworkSpec(1, List.of(16), 1, Activation.TANH,
            WeightInitScheme.XAVIER, OutputKind.IDENTITY_MSE, new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0));

    private static Examples classification(int n) {
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 8);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 4);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % 4, 1f);
        }
        return new Examples(x, y);
    }

    private static double sum(MultiLayerNetwork net, String suffix, boolean squares) {
        double s = 0;
        for (var e : net.paramTable().entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                INDArray p = e.getValue().castTo(DataType.DOUBLE);
                s += squares ? p.mul(p).sumNumber().doubleValue() : Nd4j.math().abs(p).sumNumber().doubleValue();
            }
        }
        return s;
    }

    @Test
    void reportedLossIsScoreMinusPenalty() {
        Examples data = classification(300);
        MultiLayerNetwork net = NetworkFactory.build(CLASSIFIER, RegularizerKind.L2.with(0.05), false, 1);
        for (int i = 0; i < 5; i++) {
            net.fit(new DataSet(data.features(), data.targets()));
        }
        double penalty = net.calcRegularizationScore(true);
        assertTrue(penalty > 0.01, "the penalty is not negligible here: " + penalty);
        double dl4jScore = net.score(new DataSet(data.features(), data.targets()), false);
        double reported = Evaluator.evaluate(net, data, TaskType.CLASSIFICATION).loss();
        assertEquals(dl4jScore - penalty, reported, 1e-5 * dl4jScore, "data loss = DL4J score without the penalty");
        assertTrue(dl4jScore > reported + 0.01, "and score() does include the penalty");
    }

    @Test
    void regressionLossIsMeanSquaredError() {
        INDArray x = Nd4j.linspace(-1, 1, 50, DataType.FLOAT).reshape(50, 1);
        INDArray y = x.mul(x).muli(2);
        MultiLayerNetwork net = NetworkFactory.build(REGRESSOR, Regularizer.none(), false, 2);
        INDArray prediction = net.output(x, false);
        double mse = prediction.sub(y).castTo(DataType.DOUBLE).norm2Number().doubleValue();
        mse = mse * mse / 50;
        assertEquals(mse, Evaluator.evaluate(net, new Examples(x, y), TaskType.REGRESSION).loss(), 1e-6);
        assertEquals(net.score(new DataSet(x, y), false), mse, 1e-5, "and agrees with DL4J's MSE score");
    }

    @Test
    void l2PenaltyIsHalfLambdaSumOfSquaredWeightsAndSkipsBiases() {
        MultiLayerNetwork net = NetworkFactory.build(CLASSIFIER, RegularizerKind.L2.with(0.3), false, 4);
        net.getParam("0_b").assign(1.0);
        net.getParam("1_b").assign(-2.0);
        double weightsOnly = 0.5 * 0.3 * sum(net, "W", true);
        assertEquals(weightsOnly, net.calcRegularizationScore(true), 1e-4 * weightsOnly,
                "L2 score term is lambda/2 * sum w^2 over weights; biases (set to 1 and -2) not penalized");

        MultiLayerNetwork withBiases = NetworkFactory.build(CLASSIFIER, RegularizerKind.L2.with(0.3), true, 4);
        withBiases.getParam("0_b").assign(1.0);
        withBiases.getParam("1_b").assign(-2.0);
        double all = 0.5 * 0.3 * (sum(withBiases, "W", true) + sum(withBiases, "b", true));
        assertEquals(all, withBiases.calcRegularizationScore(true), 1e-4 * all, "penalizeBiases: true adds them");
    }

    @Test
    void l1PenaltyIsLambdaSumOfAbsoluteWeights() {
        MultiLayerNetwork net = NetworkFactory.build(CLASSIFIER, RegularizerKind.L1.with(0.2), false, 5);
        net.getParam("0_b").assign(3.0);
        double expected = 0.2 * sum(net, "W", false);
        assertEquals(expected, net.calcRegularizationScore(true), 1e-4 * expected);
        assertEquals(0.0, NetworkFactory.build(CLASSIFIER, Regularizer.none(), false, 5)
                .calcRegularizationScore(true), 0.0);
    }
}
