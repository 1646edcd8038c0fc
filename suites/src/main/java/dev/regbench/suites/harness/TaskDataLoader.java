package dev.regbench.suites.harness;

import dev.regbench.datasets.ClassificationSet;
import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataFileException;
import dev.regbench.datasets.Examples;
import dev.regbench.datasets.ImageData;
import dev.regbench.datasets.ImageDataLoader;
import dev.regbench.datasets.Permutations;
import dev.regbench.datasets.PolynomialTask;
import dev.regbench.datasets.SeedPurpose;
import dev.regbench.reports.schema.DatasetInfo;
import dev.regbench.reports.schema.PolynomialInfo;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteTask;
import java.util.Arrays;

/** Turns a suite's task into {@link TaskData}: verified files, training subset, evaluation subset. */
public final class TaskDataLoader {
    private TaskDataLoader() {
    }

    /**
     * @param suite     the suite
     * @param directory where image datasets are
     * @return the data, identical for every run of the suite (it depends on the suite's dataSeed only)
     * @throws DataFileException if a dataset file is missing or bad
     */
    public static TaskData load(Suite suite, DataDirectory directory) throws DataFileException {
        if (suite.task() instanceof SuiteTask.ImageClassification image) {
            ImageData data = new ImageDataLoader(directory).load(image.dataset());
            ClassificationSet train = data.train();
            if (image.trainSize() < train.size()) {
                train = train.subset(Permutations.balancedSubset(train.classes(), train.numClasses(),
                        image.trainSize(), SeedPurpose.TRAIN_SUBSET.derive(suite.dataSeed())));
            }
            ClassificationSet evalTrain = train;
            if (train.size() > data.test().size()) {
                evalTrain = train.subset(Permutations.balancedSubset(train.classes(), train.numClasses(),
                        data.test().size(), SeedPurpose.EVAL_SUBSET.derive(suite.dataSeed())));
            }
            Examples trainExamples = train.toExamples();
            Examples evalExamples = evalTrain == train ? trainExamples : evalTrain.toExamples();
            Examples test = data.test().toExamples();
            DatasetInfo info = new DatasetInfo(image.dataset().id(), train.size(), evalTrain.size(), test.size(),
                    suite.dataSeed(), null);
            return new TaskData(TaskType.CLASSIFICATION, trainExamples, evalExamples, test, info, null);
        }
        SuiteTask.PolynomialRegression poly = (SuiteTask.PolynomialRegression) suite.task();
        PolynomialTask task = PolynomialTask.generate(poly.spec(), SeedPurpose.POLYNOMIAL.derive(suite.dataSeed()));
        Examples train = task.train();
        PolynomialInfo polynomial = new PolynomialInfo(task.coefficients(), poly.spec().noiseStdDev(),
                boxed(task.trainX()), boxed(task.trainY()));
        DatasetInfo info = new DatasetInfo("polynomial", train.size(), train.size(), task.testX().length,
                suite.dataSeed(), polynomial);
        return new TaskData(TaskType.REGRESSION, train, train, task.test(), info, task);
    }

    private static java.util.List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
