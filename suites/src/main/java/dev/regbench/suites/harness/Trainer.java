package dev.regbench.suites.harness;

import dev.regbench.datasets.ImageDataset;
import dev.regbench.datasets.MinibatchIterator;
import dev.regbench.datasets.SeedPurpose;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.EpochChoice;
import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.EpochRule;
import dev.regbench.reports.schema.Instability;
import dev.regbench.reports.schema.SplitMetrics;
import dev.regbench.reports.schema.NetworkInfo;
import dev.regbench.reports.schema.OptimizerInfo;
import dev.regbench.reports.schema.PolynomialFit;
import dev.regbench.reports.schema.RegularizerInfo;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import dev.regbench.reports.schema.SuiteRef;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.select.ValidationCurve;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.NetworkFactory;
import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.OutputKind;
import dev.regbench.suites.network.Component;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Point;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteTask;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one run with the real DL4J loop ({@code net.fit} on each minibatch) and measures it on the training
 * evaluation subset, the validation set and the test set after epoch 0 and after every epoch (every
 * {@code evaluateEvery}-th epoch and the last, if the suite says so). At the end it
 * records the epoch chosen on the run's validation curve by the suite's rule (never on test metrics) and whether its
 * training loss rose markedly between evaluations ({@link Instability}). A non-finite training or validation loss
 * or weight, or an exploded training loss, stops the run with status {@code diverged} (the test set decides
 * nothing: {@link Measurement#divergence}); it is recorded, never thrown.
 */
public final class Trainer {
    /** Points of the [-1, 1] grid on which a regression network's final prediction is recorded. */
    public static final int FIT_GRID_POINTS = 201;

    private final Suite suite;
    private final Implementation.Choice implementation;
    private final Environment environment;
    private final ProgressListener listener;

    /**
     * @param suite          the suite (with any overrides applied)
     * @param implementation regbench's tuned layers (the default) or DL4J's stock classes; recorded in every result
     * @param environment    recorded in every result
     * @param listener       progress events
     */
    public Trainer(Suite suite, Implementation.Choice implementation, Environment environment, ProgressListener listener) {
        this.suite = suite;
        this.implementation = implementation;
        this.environment = environment;
        this.listener = listener;
    }

    /**
     * @param suite     a suite
     * @param condition the run's data condition (its training-set size sets a schedule's iterations per epoch)
     * @param point     its grid point (a swept learning rate or momentum)
     * @return the network a run of {@code suite} trains, known without loading its data
     */
    public static NetworkSpec networkSpec(Suite suite, DataCondition condition, Point point) {
        boolean image = suite.task() instanceof SuiteTask.ImageClassification;
        return new NetworkSpec(image ? ImageDataset.SIDE * ImageDataset.SIDE : 1, suite.hidden(),
                image ? ImageDataset.CLASSES : 1, suite.activation(), suite.weightInit(),
                image ? OutputKind.SOFTMAX_CROSS_ENTROPY : OutputKind.IDENTITY_MSE, point.optimizer(suite.optimizer())
                .over((condition.trainSize() + suite.batchSize() - 1) / suite.batchSize(), suite.epochs()));
    }

    /**
     * @param key  which run
     * @param data its data ({@link SuiteData#forRun})
     * @return its result (completed or diverged)
     */
    public RunResult run(RunKey key, TaskData data) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Regularizer regularizer = key.point().regularizer();
        NetworkSpec spec = networkSpec(suite, key.condition(), key.point());
        if (spec.inputs() != data.train().inputs() || spec.outputs() != data.train().outputs()
                || key.condition().trainSize() != data.train().size()) {
            throw new IllegalStateException("the data of " + key + " does not fit its network " + spec.layerSizes());
        }
        MultiLayerNetwork net = NetworkFactory.build(spec, regularizer, suite.penalizeBiases(),
                SeedPurpose.INIT.derive(key.seed()), implementation.used());
        String initialSha = NetworkFactory.parametersSha256(net);
        Nd4j.getRandom().setSeed(SeedPurpose.DROPOUT.derive(key.seed()));
        MinibatchIterator batches = MinibatchIterator.shuffled(data.train(), suite.batchSize(),
                SeedPurpose.SHUFFLE.derive(key.seed()));

        List<EpochMetrics> epochs = new ArrayList<>();
        Integer divergedAt = null;
        String failure = null;
        double trainSeconds = 0; // since the previous evaluation
        long trainedExamples = 0;
        Double firstTrainLoss = null;
        for (int epoch = 0; epoch <= suite.epochs(); epoch++) {
            if (epoch > 0) {
                if (epoch > 1) {
                    batches.reset();
                }
                long start = System.nanoTime();
                while (batches.hasNext()) {
                    net.fit(batches.next());
                }
                trainSeconds += (System.nanoTime() - start) / 1e9;
                trainedExamples += data.train().size();
            }
            if (!suite.evaluatedAfter(epoch)) {
                continue;
            }
            long evalStart = System.nanoTime();
            Measurement m = measure(net, data);
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            if (firstTrainLoss == null) {
                firstTrainLoss = m.train().loss();
            }
            failure = m.divergence(epoch, firstTrainLoss);
            if (failure != null) {
                divergedAt = epoch;
                break;
            }
            EpochMetrics metrics = m.toMetrics(epoch, trainSeconds, evalSeconds,
                    trainedExamples == 0 ? null : trainedExamples / trainSeconds, (System.nanoTime() - t0) / 1e9);
            epochs.add(metrics);
            listener.epochFinished(key, metrics, suite.epochs());
            trainSeconds = 0;
            trainedExamples = 0;
        }
        boolean completed = divergedAt == null;
        EpochChoice choice = null;
        if (completed) {
            choice = data.validation() == null
                    ? new EpochChoice(EpochRule.FINAL, suite.selection().metric(), null, suite.epochs())
                    : suite.selection().choice(ValidationCurve.of(epochs));
        }
        return new RunResult(RunResult.SCHEMA_VERSION, RunResult.SCHEMA_MINOR,
                new SuiteRef(suite.name(), suite.file().toString(), suite.fileSha256(),
                        suite.effectiveSha256(key.point(), key.condition()), suite.experimentSha256(),
                        suite.overrides(), suite.reference()),
                key.stage(), key.point().swept(), data.type(), data.info(), networkInfo(spec), implementation.id(),
                implementation.layout(net), implementation.note(),
                regularizerInfo(key), key.seed(), completed ? RunStatus.COMPLETED : RunStatus.DIVERGED, divergedAt,
                failure, completed ? Instability.of(epochs).orElse(null) : null, choice, epochs, completed ? epochs.get(epochs.size() - 1) : null, initialSha,
                completed ? NetworkFactory.parametersSha256(net) : null,
                completed ? WeightStats.histogram(net) : null,
                completed && data.type() == TaskType.REGRESSION ? fit(net) : null,
                environment, started.truncatedTo(ChronoUnit.MILLIS).toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /**
     * A training loss above this multiple of the run's epoch-0 training loss (the untrained network's) means the run
     * has exploded, finite or not: a learning rate of 1e6 on the MNIST MLP trains at 1.5 million nats from epoch 1
     * (epoch 0: 2.48), which is divergence, not a result.
     */
    public static final double EXPLOSION_FACTOR = 100;

    /** Everything measured at one point of a run, before it becomes an {@link EpochMetrics}. */
    private record Measurement(Evaluator.Evaluation train, Evaluator.Evaluation validation,
                               Evaluator.Evaluation test, double penalty, WeightStats weights, TaskType type) {

        /**
         * Whether the run diverged, decided from what training may see — the training loss, the validation loss,
         * the weights and the penalty — never from the test set: a non-finite training or validation loss, weight or
         * penalty, or a training loss above {@value #EXPLOSION_FACTOR} × its epoch-0 value.
         *
         * @return what diverged, in words, or null
         */
        String divergence(int epoch, double firstTrainLoss) {
            List<String> bad = new ArrayList<>();
            if (!Double.isFinite(train.loss())) {
                bad.add("training loss " + train.loss());
            } else if (train.loss() > EXPLOSION_FACTOR * firstTrainLoss) {
                bad.add(String.format(Locale.ROOT, "training loss %.4g, more than %.0f × its epoch-0 value %.4g",
                        train.loss(), EXPLOSION_FACTOR, firstTrainLoss));
            }
            if (validation != null && !Double.isFinite(validation.loss())) {
                bad.add("validation loss " + validation.loss());
            }
            if (!weights.finite() || !Double.isFinite(weights.l2())) {
                bad.add("weights (NaN or infinite)");
            }
            if (!Double.isFinite(penalty)) {
                bad.add("penalty " + penalty);
            }
            return bad.isEmpty() ? null : String.format(Locale.ROOT, "%s after epoch %d", String.join(", ", bad), epoch);
        }

        EpochMetrics toMetrics(int epoch, double trainSeconds, double evalSeconds, Double throughput,
                               double elapsed) {
            boolean classification = type == TaskType.CLASSIFICATION;
            SplitMetrics tr = split(train);
            SplitMetrics te = split(test);
            return new EpochMetrics(epoch, tr, validation == null ? null : split(validation), te,
                    test.loss() - train.loss(), classification ? tr.accuracy() - te.accuracy() : null, penalty,
                    weights.l1(), weights.l2(), weights.nearZeroFraction(), weights.maxUnitNorm(), trainSeconds, evalSeconds, throughput,
                    elapsed);
        }

        private SplitMetrics split(Evaluator.Evaluation e) {
            return new SplitMetrics(e.loss(), type == TaskType.CLASSIFICATION ? e.accuracy() : null);
        }
    }

    private Measurement measure(MultiLayerNetwork net, TaskData data) {
        return new Measurement(Evaluator.evaluate(net, data.evalTrain(), data.type()),
                data.validation() == null ? null : Evaluator.evaluate(net, data.validation(), data.type()),
                Evaluator.evaluate(net, data.test(), data.type()), net.calcRegularizationScore(true),
                WeightStats.of(net), data.type());
    }

    private PolynomialFit fit(MultiLayerNetwork net) {
        float[] x = new float[FIT_GRID_POINTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (-1.0 + 2.0 * i / (x.length - 1));
        }
        float[] y = net.output(Nd4j.create(x, new long[] {x.length, 1}, 'c'), false).ravel().toFloatVector();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            xs.add((double) x[i]);
            ys.add((double) y[i]);
        }
        return new PolynomialFit(xs, ys);
    }

    private NetworkInfo networkInfo(NetworkSpec spec) {
        OptimizerSpec o = spec.optimizer();
        return new NetworkInfo(spec.layerSizes(), spec.activation().id(), spec.weightInit().dl4j().name(),
                spec.output().id(), spec.parametersPerLayer().stream().mapToLong(Long::longValue).sum(),
                spec.parametersPerLayer(), new OptimizerInfo(o.type().id(), o.learningRate(),
                o.type() == OptimizerSpec.Type.NESTEROV ? o.momentum() : null, o.scheduled() ? o.describeSchedule() : null), suite.batchSize(), suite.epochs());
    }

    private RegularizerInfo regularizerInfo(RunKey key) {
        Regularizer r = key.point().regularizer();
        Optional<Component.Dropout> dropout = r.component(Component.Dropout.class);
        boolean penalized = r.l1() > 0 || r.l2() > 0 || r.weightDecay() > 0;
        return new RegularizerInfo(key.point().variant().name(), r.kind().id(), r.parameters(),
                r.parameters().get("lambda"), dropout.map(Component.Dropout::inputRetain).orElse(null),
                dropout.map(Component.Dropout::hiddenRetain).orElse(null),
                r.component(Component.L1.class).map(Component.L1::lambda).orElse(null),
                r.component(Component.L2.class).map(Component.L2::lambda).orElse(null),
                r.component(Component.WeightDecay.class).map(Component.WeightDecay::lambda).orElse(null),
                r.maxNorm().orElse(null), suite.penalizeBiases(), r.dl4jDescription()
                + (!penalized ? "" : suite.penalizeBiases() ? "; biases penalized too" : "; biases not penalized"));
    }
}
