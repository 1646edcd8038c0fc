package dev.regbench.suites.bench;

import dev.regbench.suites.network.Accelerator;
import dev.regbench.suites.network.Implementation;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import dev.regbench.datasets.MinibatchIterator;
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
 * Training steps — {@code net.fit} on one minibatch — of the shipped suites' networks, per regularizer, over
 * the stream of batches a run trains on: the suite's real training set (MNIST: 10,000 real training images of
 * {@code suites/mnist.yaml}'s draw; polynomial: the suite's 30 generated points), reshuffled every epoch and
 * gathered by the harness's {@link MinibatchIterator}, at the suite's batch size (128; polynomial: 30, full
 * batch). The primary score is steps/s; the {@code examples} counter gives training examples/s.
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

    /**
     * {@code stock} (DL4J's DenseLayer, Dropout and L1/L2Regularization as shipped: what regularization costs
     * in plain DL4J) or {@code tuned} (regbench's default for training; the same training up to float rounding,
     * less work per step: see {@link Implementation}).
     */
    @Param({"stock", "tuned"})
    public String implementation;

    /**
     * How the tuned layers lay out their activations ({@link Accelerator#layout()}): {@code machine} (this
     * machine's choice, as in training), {@code feature-major} or {@code batch-major}; {@code null} means
     * {@code machine}. Stock layers ignore it.
     */
    @Param({Accelerator.MACHINE_LAYOUT})
    public String layout;

    private MultiLayerNetwork net;
    private MinibatchIterator batches;

    /** Builds the network and loads the suite's training set once per trial. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        Implementation code = Implementation.of(implementation);
        Optional<Accelerator> accelerator = code == Implementation.TUNED ? Implementation.accelerator() : Optional.empty();
        accelerator.ifPresent(a -> a.forceLayout(layout == null ? Accelerator.MACHINE_LAYOUT : layout));
        try {
            net = BenchNetworks.create(task, regularizer, 1, code).net();
        } finally {
            accelerator.ifPresent(a -> a.forceLayout(Accelerator.MACHINE_LAYOUT));
        }
        BenchNetworks.Training training = BenchNetworks.training(task);
        batches = MinibatchIterator.shuffled(training.data(), training.batchSize(), 1);
    }

    /** @return the step's score, so the step cannot be optimized away */
    @Benchmark
    public double fit(ExampleCounter counter) {
        if (!batches.hasNext()) {
            batches.reset();
        }
        DataSet batch = batches.next();
        net.fit(batch);
        counter.examples += batch.numExamples();
        return net.score();
    }
}
