package dev.regbench.suites.bench;

import dev.regbench.suites.network.Implementation;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
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
 * One training step — {@code net.fit} on one in-memory batch — of the shipped suites' networks, per
 * regularizer. The primary score is steps/s; the {@code examples} counter gives training examples/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainStep {
    /** Regularizer name in the suite. */
    @Param({"none", "l1", "l2", "dropout-l2"})
    public String regularizer;

    /** {@code mnist} (784-1024-1024-10, suites/mnist.yaml) or {@code polynomial} (1-64-64-1). */
    @Param({"mnist", "polynomial"})
    public String task;

    /** Examples per step. */
    @Param({"128"})
    public int batchSize;

    /**
     * {@code stock} (DL4J's DenseLayer, Dropout and L1/L2Regularization as shipped: what regularization costs
     * in plain DL4J) or {@code tuned} (regbench's default for training; the same training up to float rounding,
     * less work per step: see {@link Implementation}).
     */
    @Param({"stock", "tuned"})
    public String implementation;

    private MultiLayerNetwork net;
    private DataSet batch;

    /** Builds the network and the batch once per trial. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        BenchNetworks.Subject subject = BenchNetworks.create(task, regularizer, batchSize,
                Implementation.of(implementation));
        net = subject.net();
        batch = new DataSet(subject.data().features(), subject.data().targets());
    }

    /** @return the step's score, so the step cannot be optimized away */
    @Benchmark
    public double fit(ExampleCounter counter) {
        net.fit(batch);
        counter.examples += batchSize;
        return net.score();
    }
}
