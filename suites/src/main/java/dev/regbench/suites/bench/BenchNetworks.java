package dev.regbench.suites.bench;

import dev.regbench.datasets.Examples;
import dev.regbench.datasets.SeedPurpose;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.suites.ThreadSettings;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.NetworkFactory;
import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.network.OutputKind;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteException;
import dev.regbench.suites.suite.SuiteParser;
import dev.regbench.suites.suite.SuiteTask;
import dev.regbench.suites.suite.Variant;
import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataFileException;
import dev.regbench.suites.harness.SuiteData;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds a benchmark's network exactly as a shipped suite defines it (network, optimizer, the named
 * regularizer) and synthetic in-memory examples of the task's shape (timing does not depend on pixel values).
 */
final class BenchNetworks {
    private BenchNetworks() {
    }

    /**
     * A network and data to time.
     *
     * @param net  the initialized network
     * @param data {@code examples} synthetic examples of the task's shape
     */
    record Subject(MultiLayerNetwork net, Examples data) {
    }

    /** @return the suite behind a task: {@code suites/mnist.yaml} or {@code suites/polynomial.yaml} */
    static Suite suite(String task) throws SuiteException {
        Path home = Path.of(System.getProperty("regbench.home", "."));
        return SuiteParser.parse(home.resolve("suites").resolve(task + ".yaml"));
    }

    /**
     * @param task        {@code mnist} or {@code polynomial}
     * @param regularizer a regularizer name of that suite
     * @param examples    rows of synthetic data
     * @return the subject, with threads configured as {@code regbench run} does
     */
    static Subject create(String task, String regularizer, int examples) throws SuiteException {
        return create(task, regularizer, examples, Implementation.TUNED);
    }

    /**
     * @param task           {@code mnist} or {@code polynomial}
     * @param regularizer    a regularizer name of that suite
     * @param examples       rows of synthetic data
     * @param implementation DL4J's stock layers and penalties or regbench's tuned ones
     * @return the subject, with threads configured as {@code regbench run} does
     */
    static Subject create(String task, String regularizer, int examples, Implementation implementation)
            throws SuiteException {
        ThreadSettings.apply(null);
        Suite suite = suite(task);
        Variant variant = suite.variants().stream().filter(v -> v.name().equals(regularizer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("suite " + suite.name() + " has no regularizer " + regularizer));
        boolean classification = suite.task() instanceof SuiteTask.ImageClassification;
        int inputs = classification ? 784 : 1;
        int outputs = classification ? 10 : 1;
        NetworkSpec spec = new NetworkSpec(inputs, suite.hidden(), outputs, suite.activation(), suite.weightInit(),
                classification ? OutputKind.SOFTMAX_CROSS_ENTROPY : OutputKind.IDENTITY_MSE,
                variant.representative().optimizer(suite.optimizer()).over(1000, suite.epochs()));
        MultiLayerNetwork net = NetworkFactory.build(spec, variant.representative().regularizer(), suite.penalizeBiases(),
                SeedPurpose.INIT.derive(1), implementation);
        Nd4j.getRandom().setSeed(42);
        INDArray x = Nd4j.rand(DataType.FLOAT, examples, inputs);
        INDArray y;
        if (classification) {
            y = Nd4j.zeros(DataType.FLOAT, examples, outputs);
            for (int i = 0; i < examples; i++) {
                y.putScalar(i, i % outputs, 1f);
            }
        } else {
            x.muli(2).subi(1);
            y = x.dup();
        }
        return new Subject(net, new Examples(x, y));
    }

    /**
     * A suite's training set and batch size.
     *
     * @param data      the training examples of the suite's first data condition, first seed's draw
     * @param batchSize the suite's minibatch size
     */
    record Training(Examples data, int batchSize) {
    }

    /**
     * @param task {@code mnist} or {@code polynomial}
     * @return the training data a run of that suite trains on (MNIST from the data directory:
     *         {@code REGBENCH_DATA}, {@code -Dregbench.dataDir} or {@code datasets/data})
     * @throws SuiteException    if the suite file is bad
     * @throws DataFileException if the dataset is missing or corrupt
     */
    static Training training(String task) throws SuiteException, DataFileException {
        Suite suite = suite(task);
        SuiteData data = SuiteData.load(suite, DataDirectory.resolve(Optional.empty()));
        return new Training(data.forRun(suite.conditions().get(0), suite.seeds().seeds(suite.stages().get(0)).get(0)).train(), suite.batchSize());
    }

    /** @return the task type of a benchmark's {@code task} parameter */
    static TaskType type(String task) {
        return task.equals("polynomial") ? TaskType.REGRESSION : TaskType.CLASSIFICATION;
    }
}
