package dev.regbench.suites.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regbench.datasets.Examples;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.NetworkFactory;
import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.OutputKind;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.WeightInitScheme;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Cross-entropy from the logits in double: exact for confident mistakes, equal to DL4J's score otherwise. */
class EvaluatorTest {
    private static final NetworkSpec CLASSIFIER = new NetworkSpec(5, List.of(7), 3, Activation.RELU,
            WeightInitScheme.HE, OutputKind.SOFTMAX_CROSS_ENTROPY, new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0));

    /** A network whose logits are {@code bias} for every input: output weights zero. */
    private static MultiLayerNetwork constantLogits(float... bias) {
        MultiLayerNetwork net = NetworkFactory.build(CLASSIFIER, Regularizer.none(), false, 3);
        net.getLayer(1).getParam("W").assign(0);
        net.getLayer(1).getParam("b").assign(Nd4j.createFromArray(bias).reshape(1, bias.length));
        return net;
    }

    private static Examples allOfClass(int n, int label) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, label, 1f);
        }
        return new Examples(Nd4j.rand(DataType.FLOAT, n, 5), y);
    }

    @Test
    void aConfidentlyWrongPredictionCostsItsFullLoss() {
        Examples data = allOfClass(50, 1);
        Evaluator.Evaluation e = Evaluator.evaluate(constantLogits(100f, 0f, 0f), data, TaskType.CLASSIFICATION);
        // log(e^100 + e^0 + e^0) - 0 = 100 + log(1 + 2 e^-100): 100 to double precision, not min(-log 1e-10) = 23.03
        assertEquals(100.0, e.loss(), 1e-9);
        assertEquals(0.0, e.accuracy(), 0.0);
    }

    @Test
    void moderateLogitsGiveTheLogSoftmaxAndAgreeWithDl4jsOwnScore() {
        Examples data = allOfClass(40, 0);
        MultiLayerNetwork net = constantLogits(0.5f, -1f, 2f);
        double expected = Math.log(Math.exp(0.5) + Math.exp(-1.0) + Math.exp(2.0)) - 0.5;
        Evaluator.Evaluation e = Evaluator.evaluate(net, data, TaskType.CLASSIFICATION);
        assertEquals(expected, e.loss(), 1e-6);
        assertEquals(0.0, e.accuracy(), 0.0, "class 2 has the largest logit");
        assertEquals(net.score(new DataSet(data.features(), data.targets()), false), e.loss(), 1e-5,
                "DL4J's MCXENT on the softmax output, no penalty here");
    }

    @Test
    void aTrainedNetworksLossEqualsDl4jsScoreOnItsOwnData() {
        Examples data = allOfClass(60, 2);
        MultiLayerNetwork net = NetworkFactory.build(CLASSIFIER, Regularizer.none(), false, 5);
        for (int i = 0; i < 3; i++) {
            net.fit(new DataSet(data.features(), data.targets()));
        }
        assertEquals(net.score(new DataSet(data.features(), data.targets()), false),
                Evaluator.evaluate(net, data, TaskType.CLASSIFICATION).loss(), 1e-5);
    }
}
