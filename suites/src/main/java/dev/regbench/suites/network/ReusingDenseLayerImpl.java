package dev.regbench.suites.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer behind {@link ReusingDenseLayer}. DL4J's {@code BaseLayer} computes z = xW + b in the forward
 * pass, applies the activation to it in place, and in {@code backpropGradient} calls
 * {@code preOutputWithPreNorm} again to get z back — a second matrix product with the same x (dropout is
 * applied to x once per step) and the same W. This class keeps a copy of the training-mode forward z (in the
 * activations workspace, which stays open until backprop has finished) and hands it to backprop instead, so
 * backprop sees the very same numbers. The copy is used once, and only for the input array it was computed
 * from; any other call falls through to DL4J's code. Layer normalization is not supported (DL4J's
 * {@code hasLayerNorm}: falls through as well).
 */
final class ReusingDenseLayerImpl extends DenseLayer {
    private INDArray keptZ;
    private INDArray keptFor;
    private long reuses;

    ReusingDenseLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                            LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop && keptZ != null && keptFor == input) {
            INDArray z = keptZ;
            forget();
            reuses++;
            return new Pair<>(z, z);
        }
        forget();
        Pair<INDArray, INDArray> zAndPreNorm = super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        if (training && !forBackprop && !hasLayerNorm()) {
            // The caller applies the activation to z in place: keep the pre-activation values.
            keptZ = workspaceMgr.dup(ArrayType.ACTIVATIONS, zAndPreNorm.getFirst());
            keptFor = input;
        }
        return zAndPreNorm;
    }

    @Override
    public void clear() {
        forget();
        super.clear();
    }

    /** @return how many times backprop reused a forward z (for tests) */
    long reuses() {
        return reuses;
    }

    private void forget() {
        keptZ = null;
        keptFor = null;
    }
}
