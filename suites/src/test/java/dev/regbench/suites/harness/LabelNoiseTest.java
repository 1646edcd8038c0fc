package dev.regbench.suites.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The randomization test's data on real MNIST: a noisy condition trains on the same images with replaced labels,
 * measures training accuracy against those labels, and leaves validation and test untouched; an unregularized
 * network memorizes random labels while its test accuracy stays at chance.
 */
class LabelNoiseTest {
    @TempDir
    Path dir;

    private Suite suite(int trainSize, int epochs) throws Exception {
        return SuiteParser.parse(Files.writeString(dir.resolve("noise.yaml"), """
                name: noise
                dataset: mnist
                trainSize: %d
                validationSize: 1000
                labelNoise: [0, 1.0]
                epochs: %d
                evaluateEvery: %d
                batchSize: 32
                seeds: [1]
                network: {hidden: [512]}
                optimizer: {type: adam, learningRate: 0.001}
                regularizers: [{name: none, kind: none}]
                """.formatted(trainSize, epochs, epochs)));
    }

    private static int[] labels(INDArray oneHot) {
        return oneHot.argMax(1).toIntVector();
    }

    @Test
    void noisyLabelsReplaceOnlyTrainingLabels() throws Exception {
        Suite suite = suite(20_000, 1);
        SuiteData data = SuiteData.load(suite, DataDirectory.resolve(Optional.empty()));
        TaskData clean = data.forRun(new DataCondition(20_000, 0), 1);
        TaskData noisy = data.forRun(new DataCondition(20_000, 1.0), 1);
        assertEquals(clean.train().features(), noisy.train().features(), "the same images");
        int[] truth = labels(clean.train().targets());
        int[] trained = labels(noisy.train().targets());
        int differ = 0;
        for (int i = 0; i < truth.length; i++) {
            differ += truth[i] != trained[i] ? 1 : 0;
        }
        assertEquals(differ, noisy.info().noisyLabels(), "recorded: how many labels differ");
        assertEquals(0.9, differ / (double) truth.length, 0.01, "a random label is right 1 time in 10");
        assertEquals(1.0, noisy.info().labelNoise());
        assertNull(clean.info().labelNoise());
        assertSame(clean.validation(), noisy.validation(), "validation labels stay true");
        assertSame(clean.test(), noisy.test(), "test labels stay true");
        assertEquals(clean.info().classCounts(), noisy.info().classCounts(), "class counts are of the true labels");
        // the evaluated training subset is the same images, scored against the labels trained on
        assertEquals(10_000, noisy.evalTrain().size());
        assertEquals(clean.evalTrain().features(), noisy.evalTrain().features());
        INDArray evalFeatures = noisy.evalTrain().features();
        int row = 17;
        for (int i = 0; i < noisy.train().size(); i++) {
            if (noisy.train().features().getRow(i).equals(evalFeatures.getRow(row))) {
                assertEquals(trained[i], labels(noisy.evalTrain().targets())[row], "noisy label of the same image");
                return;
            }
        }
        throw new AssertionError("evaluation row not found among the training images");
    }

    @Test
    void anUnregularizedNetworkMemorizesRandomLabelsAtChanceTestAccuracy() throws Exception {
        Suite suite = suite(300, 40);
        SuiteData data = SuiteData.load(suite, DataDirectory.resolve(Optional.empty()));
        Trainer trainer = new Trainer(suite, Implementation.TUNED.choose(), EnvironmentProbe.current(), ProgressListener.NONE);
        DataCondition random = new DataCondition(300, 1.0);
        RunResult r = trainer.run(new RunKey(Stage.SINGLE, random, suite.variants().get(0).points().get(0), 1),
                data.forRun(random, 1));
        EpochMetrics last = r.finalMetrics();
        assertTrue(last.train().accuracy() > 0.95, "memorized: train accuracy on the random labels "
                + last.train().accuracy());
        assertTrue(last.test().accuracy() < 0.2, "nothing learned about digits: test accuracy "
                + last.test().accuracy());
        assertTrue(r.epochs().get(0).train().accuracy() < 0.2, "at chance before training");
    }
}
