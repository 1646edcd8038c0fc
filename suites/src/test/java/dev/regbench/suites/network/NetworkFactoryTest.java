package dev.regbench.suites.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regbench.suites.Fixtures;
import dev.regbench.suites.suite.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Variants of every kind are the same network but for their regularization fields; DL4J's dropout pitfall pinned. */
class NetworkFactoryTest {
    private static final NetworkSpec MNIST_MLP = new NetworkSpec(784, List.of(1024, 1024), 10, Activation.RELU,
            WeightInitScheme.HE, OutputKind.SOFTMAX_CROSS_ENTROPY,
            new OptimizerSpec(OptimizerSpec.Type.NESTEROV, 0.05, 0.9));
    private static final Set<String> REGULARIZATION_FIELDS = Set.of("regularization", "regularizationBias", "idropout",
            "constraints");

    private static JsonNode withoutRegularization(String json) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(json);
        int removed = JsonTrees.removeFields(tree, (name, value) -> REGULARIZATION_FIELDS.contains(name));
        assertEquals(12, removed, "4 fields x 3 layers: the fields this test strips must exist");
        return tree;
    }

    @Test
    void variantsOfEveryKindDifferOnlyInRegularizationFields() throws Exception {
        JsonNode reference = null;
        List<String> raw = new ArrayList<>();
        List<Variant> variants = Fixtures.everyKind();
        for (Variant v : variants) {
            String json = NetworkFactory.configuration(MNIST_MLP, v.points().get(0).regularizer(), false, 42).toJson();
            raw.add(json);
            JsonNode stripped = withoutRegularization(json);
            if (reference == null) {
                reference = stripped;
            } else {
                assertEquals(reference, stripped, v.name() + " differs from none outside its regularization");
            }
        }
        assertEquals(variants.size(), raw.stream().distinct().count(), "and the regularization fields do differ");
    }

    @Test
    void parameterCountsAreExactAndEqual() {
        List<Long> expected = List.of(784L * 1024 + 1024, 1024L * 1024 + 1024, 1024L * 10 + 10);
        assertEquals(expected, MNIST_MLP.parametersPerLayer());
        for (Variant v : Fixtures.everyKind()) {
            MultiLayerNetwork net = NetworkFactory.build(MNIST_MLP, v.points().get(0).regularizer(), false, 1);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), net.getLayer(i).numParams(), v.name() + " layer " + i);
            }
            assertEquals(1_863_690L, net.numParams());
        }
    }

    @Test
    void sameSeedGivesBitIdenticalInitialParameters() {
        String reference = null;
        for (Variant v : Fixtures.everyKind()) {
            String sha = NetworkFactory.parametersSha256(NetworkFactory.build(MNIST_MLP, v.points().get(0).regularizer(), false, 7));
            if (reference == null) {
                reference = sha;
            }
            assertEquals(reference, sha, v.name());
        }
        assertNotEquals(reference,
                NetworkFactory.parametersSha256(NetworkFactory.build(MNIST_MLP, Regularizer.none(), false, 8)));
    }

    private static IDropout dropoutOf(MultiLayerNetwork net, int layer) {
        return ((BaseLayer) net.getLayerWiseConfigurations().getConf(layer).getLayer()).getIDropout();
    }

    @Test
    void dropoutTakesRetainProbabilitiesAndSparesRawInputByDefault() {
        MultiLayerNetwork net = NetworkFactory.build(MNIST_MLP, RegularizerKind.DROPOUT_L2.with(1.0, 0.8, 0), false, 1);
        assertNull(dropoutOf(net, 0), "inputRetain 1: no dropout on the raw pixels");
        IDropout hidden = dropoutOf(net, 1);
        assertEquals(0.8, ((Dropout) hidden).getP(), 0.0, "DL4J's p is the retain probability");
        assertEquals(0.8, ((Dropout) dropoutOf(net, 2)).getP(), 0.0);

        INDArray ones = Nd4j.ones(DataType.FLOAT, 1000, 100);
        INDArray dropped = hidden.applyDropout(ones, Nd4j.createUninitialized(DataType.FLOAT, 1000, 100), 0, 0,
                LayerWorkspaceMgr.noWorkspaces());
        double zeroFraction = dropped.eq(0.0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertEquals(0.2, zeroFraction, 0.01, "retain 0.8 zeroes about 20% of units");
        assertEquals(1 / 0.8, dropped.maxNumber().doubleValue(), 1e-6, "inverted dropout scales kept units by 1/p");

        MultiLayerNetwork withInput = NetworkFactory.build(MNIST_MLP, RegularizerKind.DROPOUT_L2.with(0.5, 0.5, 0), false, 1);
        assertEquals(0.5, ((Dropout) dropoutOf(withInput, 0)).getP(), 0.0);
    }

    @Test
    void aboutHalfTheUnitsDropWithRetainHalfAndNoneAtInference() {
        NetworkSpec tiny = new NetworkSpec(20, List.of(200), 3, Activation.RELU, WeightInitScheme.HE,
                OutputKind.SOFTMAX_CROSS_ENTROPY, new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 0));
        MultiLayerNetwork dropout = NetworkFactory.build(tiny, RegularizerKind.DROPOUT_L2.with(1.0, 0.5, 0), false, 3);
        MultiLayerNetwork plain = NetworkFactory.build(tiny, Regularizer.none(), false, 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 20);
        INDArray inference = dropout.output(x, false);
        assertEquals(plain.output(x, false), inference, "no dropout at inference: same weights, same output");
        assertEquals(inference, dropout.output(x, false), "and deterministic");
        INDArray training = dropout.output(x, true);
        assertFalse(inference.equalsWithEps(training, 1e-4), "dropout active in training mode");

        IDropout hidden = dropoutOf(dropout, 1);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 500, 200);
        INDArray dropped = hidden.applyDropout(ones, Nd4j.createUninitialized(DataType.FLOAT, 500, 200), 0, 0,
                LayerWorkspaceMgr.noWorkspaces());
        double zeroFraction = dropped.eq(0.0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertTrue(Math.abs(zeroFraction - 0.5) < 0.01, "about half zeroed, was " + zeroFraction);
    }
}
