package dev.regbench.suites.tuned;

import java.util.Optional;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's inverted {@link Dropout}: p is the probability of RETAINING a unit, kept units are scaled by 1/p
 * during training, nothing happens at inference. DL4J draws the mask with libnd4j's {@code DropOutInverted}
 * op (unit kept iff u &lt; p for u = the generator's i-th uniform number, i the row-major element index), which
 * costs about 0.9 ms per 128×1024 mask here, stores the mask and multiplies by it in backprop. This class
 * draws the very same u — the same output and gradient, bit for bit, and the generator left in the same state
 * (tested) — in one Java pass over the activations in their own ordering ({@link VectorKernels#dropout}, with
 * libnd4j's generator reproduced by {@link LibNd4jUniforms}), and stores no mask: the generator is
 * counter-based, so backprop draws the same numbers again from the state the forward pass started at (an
 * array store and load fewer per layer and step). {@link #getMask()} still gives the mask, built on demand.
 * Where the Java pass cannot run (another backend, a non-matrix or non-float input) it draws with libnd4j's
 * {@code UniformDistribution} op and three element-wise ops and keeps the mask, as DL4J does.
 */
public final class UniformMaskDropout extends Dropout {
    /**
     * A forward pass's draw awaiting backprop: the generator's state before it, p, and the activations' shape.
     */
    private record Drawn(LibNd4jUniforms state, float retain, long rows, long columns) {
        boolean matches(INDArray a) {
            return a.rank() == 2 && a.rows() == rows && a.columns() == columns;
        }
    }

    @JsonIgnore
    private transient Drawn drawn;

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
        setMask(null);
        drawn = drawInJava(input, output, retain);
        if (drawn == null) {
            setMask(drawWithOps(input, output, retain, workspaceMgr));
        }
        return output;
    }

    /**
     * The draw as one Java pass ({@link VectorKernels#dropout}) where it can run: libnd4j's CPU generator, a
     * float matrix, contiguous input and output of one ordering, the Vector API.
     *
     * @return the draw (output written, generator moved on), or {@code null} if the pass cannot run here
     */
    private static Drawn drawInJava(INDArray input, INDArray output, float retain) {
        if (!javaPassCanRun(input, output)) {
            return null;
        }
        Optional<LibNd4jUniforms> start = LibNd4jUniforms.current();
        LibNd4jUniforms next = start.map(d -> d.afterDraw(output.length())).orElse(null);
        if (next == null || !next.storable()) {
            return null;
        }
        VectorKernels.dropout(input, output, start.get(), retain);
        next.store();
        return new Drawn(start.get(), retain, output.rows(), output.columns());
    }

    private static boolean javaPassCanRun(INDArray in, INDArray out) {
        return VectorApi.available() && out.rank() == 2 && in.equalShapes(out) && in.ordering() == out.ordering()
                && VectorKernels.contiguousFloat(in) && VectorKernels.contiguousFloat(out);
    }

    /** DL4J's backprop, ∂L/∂x = ∂L/∂y ⊙ mask, with the mask drawn again where the forward pass drew in Java. */
    @Override
    public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
        Drawn d = drawn;
        if (d != null && d.matches(gradAtOutput) && javaPassCanRun(gradAtOutput, gradAtInput)) {
            VectorKernels.dropout(gradAtOutput, gradAtInput, d.state(), d.retain());
            drawn = null;
            return gradAtInput;
        }
        if (d != null) {
            setMask(getMask());
            drawn = null;
        }
        return super.backprop(gradAtOutput, gradAtInput, iteration, epoch);
    }

    /** @return the last forward pass's mask (1/p where kept, 0 where dropped), or {@code null} if cleared */
    @Override
    public INDArray getMask() {
        Drawn d = drawn;
        if (super.getMask() != null || d == null) {
            return super.getMask();
        }
        try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray mask = Nd4j.createUninitialized(DataType.FLOAT, d.rows(), d.columns());
            VectorKernels.dropout(Nd4j.ones(DataType.FLOAT, d.rows(), d.columns()), mask, d.state(), d.retain());
            return mask; // 1 ⊙ mask = mask, exactly
        }
    }

    @Override
    public void clear() {
        super.clear();
        drawn = null;
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
