package dev.regbench.suites.bench;

import dev.regbench.datasets.Examples;
import dev.regbench.suites.harness.Evaluator;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * Forward pass in inference mode of the same networks ({@code output}), and the harness's evaluation of the same
 * rows ({@code evaluate}: {@link Evaluator}, logits, loss and accuracy), which should run at the forward pass's
 * rate; {@code examples} counts rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Inference {
    /** Regularizer name in the suite (dropout is off at inference, so all should match). */
    @Param({"none", "dropout-l2"})
    public String regularizer;

    /** {@code mnist} or {@code polynomial}. */
    @Param({"mnist", "polynomial"})
    public String task;

    /** Rows per forward pass (the harness evaluates in batches of 2000). */
    @Param({"2000"})
    public int batchSize;

    private MultiLayerNetwork net;
    private INDArray features;
    private Examples examples;

    /** Builds the network and the input once per trial. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        BenchNetworks.Subject subject = BenchNetworks.create(task, regularizer, batchSize);
        net = subject.net();
        features = subject.data().features();
        examples = subject.data();
    }

    /** @return the network's output (consumed by JMH) */
    @Benchmark
    public INDArray output(ExampleCounter counter) {
        counter.examples += batchSize;
        return net.output(features, false);
    }

    /** @return the evaluation (consumed by JMH) */
    @Benchmark
    public Evaluator.Evaluation evaluate(ExampleCounter counter) {
        counter.examples += batchSize;
        return Evaluator.evaluate(net, examples, BenchNetworks.type(task));
    }
}
