package dev.regbench.suites.network;

import java.util.Optional;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's inverted {@link Dropout}: p is the probability of RETAINING a unit, kept units are scaled by 1/p
 * during training, nothing happens at inference. DL4J draws the mask with libnd4j's {@code DropOutInverted}
 * op (unit kept iff u &lt; p for u = the generator's i-th uniform number, i the row-major element index), which
 * costs about 0.9 ms per 128×1024 mask here. This class draws the very same u — the same mask and output, bit
 * for bit, and the generator left in the same state (tested) — in one Java pass over the activations in their
 * own ordering ({@link VectorKernels#dropout}, with libnd4j's generator reproduced by {@link LibNd4jUniforms});
 * where that pass cannot run (another backend, a non-matrix or non-float input) it uses libnd4j's
 * {@code UniformDistribution} op and three element-wise ops. Backprop is DL4J's (gradient × mask).
 */
public final class UniformMaskDropout extends Dropout {
    /** @param retain probability of retaining a unit, in (0, 1] */
    public UniformMaskDropout(double retain) {
        super(retain);
    }

    /** For JSON deserialization and {@link #clone()}. */
    UniformMaskDropout(@JsonProperty("p") double retain, @JsonProperty("pSchedule") ISchedule schedule) {
        super(retain, schedule);
    }

    @Override
    public INDArray applyDropout(INDArray inputActivations, INDArray output, int iteration, int epoch,
                                 LayerWorkspaceMgr workspaceMgr) {
        double p = getPSchedule() != null ? getPSchedule().valueAt(iteration, epoch) : getP();
        float retain = (float) p; // DL4J's op compares and divides in the array's type, float here
        INDArray input = inputActivations.dataType() == output.dataType() ? inputActivations
                : inputActivations.castTo(output.dataType());
        INDArray mask = drawInJava(input, output, retain, workspaceMgr);
        setMask(mask != null ? mask : drawWithOps(input, output, retain, workspaceMgr));
        return output;
    }

    /**
     * The draw as one Java pass ({@link VectorKernels#dropout}) where it can run: libnd4j's CPU generator, a
     * float matrix, contiguous input and output of one ordering, the Vector API.
     *
     * @return the mask (output written, generator moved on), or {@code null} if the pass cannot run here
     */
    static INDArray drawInJava(INDArray input, INDArray output, float retain, LayerWorkspaceMgr workspaceMgr) {
        if (!VectorApi.available() || output.rank() != 2 || output.dataType() != DataType.FLOAT
                || input.ordering() != output.ordering() || !VectorKernels.contiguousFloat(input)
                || !VectorKernels.contiguousFloat(output)) {
            return null;
        }
        Optional<LibNd4jUniforms> draw = LibNd4jUniforms.current();
        LibNd4jUniforms next = draw.map(d -> d.afterDraw(output.length())).orElse(null);
        if (next == null || !next.storable()) {
            return null;
        }
        INDArray mask = workspaceMgr.createUninitialized(ArrayType.INPUT, output.dataType(), output.shape(),
                output.ordering());
        VectorKernels.dropout(input, output, mask, draw.get(), retain);
        next.store();
        return mask;
    }

    /**
     * The draw with libnd4j's ops (any backend and array): u from {@code UniformDistribution} in row-major
     * order, thresholded by three element-wise ops, the mask copied to the output's ordering if that differs.
     *
     * @return the mask; output written
     */
    static INDArray drawWithOps(INDArray input, INDArray output, float retain, LayerWorkspaceMgr workspaceMgr) {
        INDArray mask = workspaceMgr.createUninitialized(ArrayType.INPUT, output.dataType(), output.shape(), 'c');
        Nd4j.getExecutioner().exec(new UniformDistribution(mask, 0.0, 1.0));
        mask.rsubi(retain);                                   // p − u: > 0 exactly when u < p (IEEE subtraction)
        Nd4j.getExecutioner().exec(new Step(mask, mask, 0.0)); // 1 where kept, 0 where dropped
        mask.muli(1.0f / retain);                             // DL4J's kept value: 1 / p, computed in float
        if (output.ordering() != mask.ordering()) {
            mask = workspaceMgr.dup(ArrayType.INPUT, mask, output.ordering());
        }
        Nd4j.getExecutioner().exec(new MulOp(input, mask, output));
        return mask;
    }

    @Override
    public UniformMaskDropout clone() {
        return new UniformMaskDropout(getP(), getPSchedule() == null ? null : getPSchedule().clone());
    }
}
