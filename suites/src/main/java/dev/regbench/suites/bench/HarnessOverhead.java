package dev.regbench.suites.bench;

import dev.regbench.datasets.MinibatchIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the harness's training loop costs on top of a bare {@code net.fit} loop over the same batches:
 * {@code bare} fits pre-built batches; {@code harness} runs the harness's path (reshuffle, gather each batch
 * from the in-memory set with {@link MinibatchIterator}, fit). Scores are training examples/s
 * ({@value #EXAMPLES} per invocation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HarnessOverhead {
    static final int BATCH = 128;
    static final int BATCHES = 16;
    static final int EXAMPLES = BATCH * BATCHES;

    /** The shipped suite whose network is trained. */
    @Param({"mnist"})
    public String task;

    private MultiLayerNetwork net;
    private List<DataSet> batches;
    private MinibatchIterator iterator;

    /** Builds the network, the pre-built batches and the iterator once per trial. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        BenchNetworks.Subject subject = BenchNetworks.create(task, "none", EXAMPLES);
        net = subject.net();
        iterator = MinibatchIterator.shuffled(subject.data(), BATCH, 1);
        batches = new ArrayList<>();
        MinibatchIterator inOrder = MinibatchIterator.inOrder(subject.data(), BATCH);
        while (inOrder.hasNext()) {
            DataSet b = inOrder.next();
            batches.add(new DataSet(b.getFeatures().dup(), b.getLabels().dup()));
        }
    }

    /** @return the last score */
    @Benchmark
    @OperationsPerInvocation(EXAMPLES)
    public double bare() {
        for (DataSet b : batches) {
            net.fit(b);
        }
        return net.score();
    }

    /** @return the last score */
    @Benchmark
    @OperationsPerInvocation(EXAMPLES)
    public double harness() {
        iterator.reset();
        while (iterator.hasNext()) {
            net.fit(iterator.next());
        }
        return net.score();
    }
}
