package dev.regbench.suites.network;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
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
 * op (unit kept iff u &lt; p for u = the generator's i-th uniform number), which costs about 0.9 ms per
 * 128×1024 mask here; this class draws the very same u with libnd4j's {@code UniformDistribution} op from the
 * same generator and thresholds it with two element-wise ops — the same mask, bit for bit, and the generator
 * left in the same state (tested), in about a quarter of the time. The mask follows the row-major order of
 * DL4J's networks also for column-major activations (the tuned layers'). Backprop is DL4J's (gradient × mask).
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
        // u is drawn in row-major order whatever the layout of the activations (the tuned layers hand on
        // column-major ones), so that element (i, j) gets the same u as in DL4J's row-major networks.
        INDArray mask = workspaceMgr.createUninitialized(ArrayType.INPUT, output.dataType(), output.shape(), 'c');
        Nd4j.getExecutioner().exec(new UniformDistribution(mask, 0.0, 1.0));
        mask.rsubi(retain);                                   // p − u: > 0 exactly when u < p (IEEE subtraction)
        Nd4j.getExecutioner().exec(new Step(mask, mask, 0.0)); // 1 where kept, 0 where dropped
        mask.muli(1.0f / retain);                             // DL4J's kept value: 1 / p, computed in float
        if (output.ordering() != mask.ordering()) {
            mask = workspaceMgr.dup(ArrayType.INPUT, mask, output.ordering());
        }
        setMask(mask);
        Nd4j.getExecutioner().exec(new MulOp(input, mask, output));
        return output;
    }

    @Override
    public UniformMaskDropout clone() {
        return new UniformMaskDropout(getP(), getPSchedule() == null ? null : getPSchedule().clone());
    }
}
