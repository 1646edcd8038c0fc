package dev.regbench.suites.bench;

import dev.regbench.suites.ThreadSettings;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.NetworkFactory;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One dropout layer's work in a training step, forward (draw the mask, y = x ⊙ mask) and backward
 * (∂L/∂x = ∂L/∂y ⊙ mask), on a batch of 128 activations of a 1,024-unit hidden
 * layer with p = 0.5, as in the MNIST MLP's dropout+L2 variant (which has two such layers and a 128×784 one
 * on the input). {@code stock} is DL4J's {@link Dropout}, {@code tuned} regbench's
 * ({@link dev.regbench.suites.network.Implementation#TUNED}); both draw the same mask. Arrays the pass
 * allocates come from a workspace, as in training. Score: passes per second (one pass = forward + backward).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DropoutPass {
    /** {@code stock} (DL4J's Dropout) or {@code tuned} (regbench's). */
    @Param({"stock", "tuned"})
    public String implementation;

    /**
     * Ordering of the activations: 'f' (column-major, what the tuned hidden layers hand on) or 'c' (row-major:
     * DL4J's stock layers, and the input features).
     */
    @Param({"f"})
    public String order;

    private IDropout dropout;
    private INDArray activations;
    private INDArray output;
    private INDArray gradient;
    private INDArray inputGradient;
    private LayerWorkspaceMgr workspaces;

    /** Builds the dropout and its arrays once per trial. */
    @Setup(Level.Trial)
    public void setup() {
        ThreadSettings.apply(null);
        dropout = NetworkFactory.dropout(0.5, Implementation.of(implementation));
        char o = order.charAt(0);
        Nd4j.getRandom().setSeed(7);
        activations = Nd4j.rand(DataType.FLOAT, 128, 1024).dup(o);
        output = Nd4j.create(DataType.FLOAT, new long[] {128, 1024}, o);
        gradient = Nd4j.rand(DataType.FLOAT, 128, 1024).dup(o);
        inputGradient = Nd4j.create(DataType.FLOAT, new long[] {128, 1024}, o);
        WorkspaceConfiguration conf = WorkspaceConfiguration.builder().initialSize(0).overallocationLimit(0.05)
                .policyLearning(LearningPolicy.FIRST_LOOP).policyReset(ResetPolicy.BLOCK_LEFT)
                .policySpill(SpillPolicy.REALLOCATE).policyAllocation(AllocationPolicy.OVERALLOCATE).build();
        workspaces = LayerWorkspaceMgr.builder().with(ArrayType.INPUT, "DROPOUT_PASS", conf).build();
    }

    /** @return the input gradient (consumed by JMH) */
    @Benchmark
    public INDArray forwardAndBackward() {
        try (MemoryWorkspace ws = workspaces.notifyScopeEntered(ArrayType.INPUT)) {
            dropout.applyDropout(activations, output, 0, 0, workspaces);
            return dropout.backprop(gradient, inputGradient, 0, 0);
        }
    }
}
