package dev.regbench.suites.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.suites.network.Implementation;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Proves every benchmark runs: one short measured iteration each, in-process, failing on any error. Not a
 * measurement (that is {@code scripts/regbench jmh}); the asserted numbers only show the counters count.
 */
class JmhSmokeTest {
    private static Collection<RunResult> run(Class<?> benchmark, String... params) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(benchmark.getName() + "\\.").forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(300)).shouldFailOnError(true);
        for (int i = 0; i < params.length; i += 2) {
            builder.param(params[i], params[i + 1]);
        }
        Options options = builder.build();
        return new Runner(options).run();
    }

    @Test
    void trainStepCountsExamples() throws Exception {
        Collection<RunResult> results = run(TrainStep.class, "task", "polynomial", "regularizer", "dropout-l2");
        assertEquals(2, results.size(), "stock and tuned implementation");
        for (RunResult r : results) {
            double steps = r.getPrimaryResult().getScore();
            double examples = r.getSecondaryResults().get("examples").getScore();
            assertTrue(steps > 0);
            assertEquals(30 * steps, examples, 1e-6 * examples, "examples/s = the suite's batch size (30) x steps/s");
        }
    }

    @Test
    void trainStepStreamsRealMnistBatchesOfTheSuitesSize() throws Exception {
        // In the layout this machine does not choose, so that both layouts' steps run here.
        var accelerator = Implementation.accelerator().orElseThrow();
        String other = accelerator.layouts().stream().filter(l -> !l.equals(accelerator.layout())).findFirst()
                .orElseThrow();
        Collection<RunResult> results = run(TrainStep.class, "task", "mnist", "regularizer", "none",
                "implementation", "tuned", "layout", other);
        RunResult r = results.iterator().next();
        assertEquals(other, r.getParams().getParam("layout"));
        assertEquals(128 * r.getPrimaryResult().getScore(), r.getSecondaryResults().get("examples").getScore(),
                1e-6 * r.getSecondaryResults().get("examples").getScore());
        BenchNetworks.Training training = BenchNetworks.training("mnist");
        assertEquals(10_000, training.data().size(), "suites/mnist.yaml's training draw");
        assertEquals(128, training.batchSize());
        // Real images: MNIST pixels are mostly exact zeros (background), unlike synthetic uniform noise.
        double zeros = training.data().features().eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)
                .meanNumber().doubleValue();
        assertTrue(zeros > 0.7 && zeros < 0.9, "fraction of background pixels " + zeros);
    }

    @Test
    void inferenceGemmHarnessAndDropoutRun() throws Exception {
        assertEquals(2, run(Inference.class, "task", "polynomial", "regularizer", "none").size(), "output and evaluate");
        Collection<RunResult> gemm = run(Gemm.class, "shape", "128x1024x10");
        assertTrue(gemm.iterator().next().getSecondaryResults().get("gflop").getScore() > 0);
        assertEquals(2, run(HarnessOverhead.class).size(), "bare and harness");
        Collection<RunResult> dropout = run(DropoutPass.class);
        assertEquals(2, dropout.size(), "stock and tuned");
        for (RunResult r : dropout) {
            assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getParam("implementation"));
        }
    }

    @Test
    void fmaPeakRunsInItsOwnForkWithTheVectorApi() throws Exception {
        // Forked, as measured: the fork inherits this JVM's --add-modules=jdk.incubator.vector (Surefire's argLine).
        Options options = new OptionsBuilder().include(FmaPeak.class.getName() + "\\.").forks(1).threads(1)
                .warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(300))
                .shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(options).run();
        assertEquals(1, results.size());
        assertTrue(results.iterator().next().getSecondaryResults().get("gflop").getScore() > 0);
    }
}
