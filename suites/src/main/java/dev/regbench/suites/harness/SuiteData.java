package dev.regbench.suites.harness;

import dev.regbench.datasets.ClassificationSet;
import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataFileException;
import dev.regbench.datasets.Examples;
import dev.regbench.datasets.ImageData;
import dev.regbench.datasets.ImageDataLoader;
import dev.regbench.datasets.LabelNoise;
import dev.regbench.datasets.Partition;
import dev.regbench.datasets.Permutations;
import dev.regbench.datasets.PolynomialTask;
import dev.regbench.datasets.SeedPurpose;
import dev.regbench.reports.schema.ClassCounts;
import dev.regbench.reports.schema.DatasetInfo;
import dev.regbench.reports.schema.PolynomialInfo;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteTask;
import java.util.Arrays;
import java.util.List;

/**
 * A suite's data, loaded and split once: for image datasets the verified files, the validation set carved from
 * the published training images (class-balanced, fixed by the data seed) and the pool the training subsets are
 * drawn from; for the polynomial task the generator. {@link #forRun} gives one run's {@link TaskData}; the most
 * recent draw is kept, so the regularizers and grid points of one seed share it. Safe to share between threads
 * (a sweep's concurrent tasks in one JVM): {@code forRun} is synchronized and what it returns is never modified.
 */
public final class SuiteData {
    private final Suite suite;
    private final ImageData images;          // null for the polynomial task
    private final Partition partition;       // null for the polynomial task
    private final Examples validation;       // image datasets; null if validationSize is 0
    private final Examples test;             // image datasets
    private TaskData cached;
    private long cachedRoot;
    private DataCondition cachedCondition;

    private SuiteData(Suite suite, ImageData images, Partition partition, Examples validation, Examples test) {
        this.suite = suite;
        this.images = images;
        this.partition = partition;
        this.validation = validation;
        this.test = test;
    }

    /**
     * @param suite     the suite
     * @param directory where image datasets are
     * @return the suite's data
     * @throws DataFileException if a dataset file is missing or bad
     */
    public static SuiteData load(Suite suite, DataDirectory directory) throws DataFileException {
        if (!(suite.task() instanceof SuiteTask.ImageClassification image)) {
            return new SuiteData(suite, null, null, null, null);
        }
        ImageData data = new ImageDataLoader(directory).load(image.dataset());
        ClassificationSet published = data.train();
        Partition partition = Partition.of(published.classes(), published.numClasses(), image.validationSize(),
                SeedPurpose.VALIDATION.derive(suite.dataSeed()));
        Examples validation = partition.validation().length == 0 ? null
                : published.subset(partition.validation()).toExamples();
        return new SuiteData(suite, data, partition, validation, data.test().toExamples());
    }

    /**
     * @param condition one of the suite's data conditions (training-set size and label noise)
     * @param seed      the run seed (selects the training draw when the suite draws per seed)
     * @return the run's data
     */
    public synchronized TaskData forRun(DataCondition condition, long seed) {
        long root = suite.draw().root(suite.dataSeed(), seed);
        if (cached == null || cachedRoot != root || !condition.equals(cachedCondition)) {
            cached = images == null ? polynomial(condition.trainSize(), root) : image(condition, root);
            cachedRoot = root;
            cachedCondition = condition;
        }
        return cached;
    }

    private TaskData image(DataCondition condition, long root) {
        ClassificationSet published = images.train();
        int[] indices = partition.trainingSubset(published.classes(), published.numClasses(), condition.trainSize(),
                SeedPurpose.TRAIN_SUBSET.derive(root));
        ClassificationSet trueLabels = published.subset(indices);
        ClassificationSet train = trueLabels;
        LabelNoise noise = null;
        if (condition.labelNoise() > 0) {
            // the same draw root as the examples: with a fixed draw every seed sees the same noisy labels
            noise = LabelNoise.apply(trueLabels.classes(), trueLabels.numClasses(), condition.labelNoise(),
                    SeedPurpose.LABEL_NOISE.derive(root));
            train = trueLabels.withClasses(noise.classes());
        }
        ClassificationSet evalTrain = train;
        if (train.size() > images.test().size()) {
            // chosen on the true labels, so a noisy condition evaluates the same examples (against its own labels)
            evalTrain = train.subset(Permutations.balancedSubset(trueLabels.classes(), train.numClasses(),
                    images.test().size(), SeedPurpose.EVAL_SUBSET.derive(root)));
        }
        Examples trainExamples = train.toExamples();
        Examples evalExamples = evalTrain == train ? trainExamples : evalTrain.toExamples();
        int[] validationCounts = new int[published.numClasses()];
        for (int i : partition.validation()) {
            validationCounts[published.classes()[i]]++;
        }
        ClassCounts counts = new ClassCounts(boxed(trueLabels.classCounts()), boxed(validationCounts),
                boxed(images.test().classCounts()));
        DatasetInfo info = new DatasetInfo(images.dataset().id(), train.size(), evalTrain.size(),
                partition.validation().length, images.test().size(), suite.dataSeed(), suite.draw().id(), counts, null,
                dataSha256(), noise == null ? null : condition.labelNoise(), noise == null ? null : noise.changed());
        return new TaskData(TaskType.CLASSIFICATION, trainExamples, evalExamples, validation, test, info, null);
    }

    private TaskData polynomial(int trainSize, long root) {
        SuiteTask.PolynomialRegression poly = (SuiteTask.PolynomialRegression) suite.task();
        PolynomialTask task = PolynomialTask.generate(poly.spec(trainSize), SeedPurpose.POLYNOMIAL.derive(suite.dataSeed()),
                SeedPurpose.POLYNOMIAL.derive(root));
        Examples train = task.train();
        PolynomialInfo polynomial = new PolynomialInfo(task.coefficients(), poly.spec().noiseStdDev(),
                boxedDoubles(task.trainX()), boxedDoubles(task.trainY()));
        DatasetInfo info = new DatasetInfo("polynomial", train.size(), train.size(), task.validationX().length,
                task.testX().length, suite.dataSeed(), suite.draw().id(), null, polynomial, null, null, null);
        return new TaskData(TaskType.REGRESSION, train, train, task.validation(), task.test(), info, task);
    }

    /**
     * @return for image datasets the identity of the verified files trained on
     *         ({@link dev.regbench.datasets.ImageDataset#contentSha256()}); null for the generated polynomial task
     */
    public String dataSha256() {
        return dataSha256(suite);
    }

    /**
     * @param suite a suite
     * @return the identity of the data its runs train on, known without loading it (see {@link #dataSha256()})
     */
    public static String dataSha256(Suite suite) {
        return suite.task() instanceof SuiteTask.ImageClassification image ? image.dataset().contentSha256() : null;
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Double> boxedDoubles(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
