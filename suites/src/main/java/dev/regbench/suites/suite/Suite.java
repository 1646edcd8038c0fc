package dev.regbench.suites.suite;

import dev.regbench.datasets.Checksums;
import dev.regbench.datasets.DataDraw;
import dev.regbench.reports.schema.EpochRule;
import dev.regbench.reports.schema.PublishedReference;
import dev.regbench.reports.schema.SelectionMetric;
import dev.regbench.reports.schema.Stage;
import dev.regbench.reports.select.SelectionPolicy;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.WeightInitScheme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A validated experiment: one task, one network, one schedule, several regularizers (each a grid of points),
 * seeds in one or two stages. Immutable; build it with {@link SuiteParser} (or directly in tests), which also
 * checks the protocol's rules ({@link #problems()}). Command-line overrides give a new suite
 * ({@link #withOverrides}).
 *
 * @param name           suite name (letters, digits, '.', '_', '-')
 * @param description    free text for humans; may be empty
 * @param file           the suite file it was read from (for messages and provenance)
 * @param fileSha256     SHA-256 of the file's bytes
 * @param task           what is trained on, with its training-set size(s) and validation set
 * @param draw           whether the training examples depend on the run seed
 * @param dataSeed       seed of the validation and test sets (and of the training examples for a fixed draw)
 * @param epochs         passes over the training set, in [1, 100000]
 * @param evaluateEvery  epochs between evaluations, ≥ 1 (1: after every epoch); epoch 0 and the last epoch are
 *                       always evaluated. Early stopping can only stop at an evaluated epoch
 * @param batchSize      examples per training step, ≥ 1
 * @param seeds          the seeds of each stage
 * @param selection      how epochs and grid points are chosen, on validation metrics only
 * @param exploratory    true for a suite that may run without a validation set or run a grid without selection;
 *                       its report says that nothing was chosen
 * @param hidden         hidden layer sizes, each ≥ 1
 * @param activation     hidden activation
 * @param weightInit     weight initialization
 * @param optimizer      the updater
 * @param penalizeBiases whether L1/L2 penalties also apply to biases (default false, as in DL4J)
 * @param variants       the regularizers compared, non-empty, unique names
 * @param overrides      command-line overrides applied after parsing, e.g. {@code epochs=2}
 * @param reference      published numbers the report prints beside the suite's, or null; part of no hash
 */
public record Suite(String name, String description, Path file, String fileSha256, SuiteTask task, DataDraw draw,
                    long dataSeed, int epochs, int evaluateEvery, int batchSize, SeedPlan seeds,
                    SelectionPolicy selection,
                    boolean exploratory, List<Integer> hidden, Activation activation, WeightInitScheme weightInit,
                    OptimizerSpec optimizer, boolean penalizeBiases, List<Variant> variants, List<String> overrides,
                    PublishedReference reference) {

    /** Validates single-field rules; the protocol's cross-field rules are in {@link #problems()}. */
    public Suite {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(draw, "draw");
        Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(selection, "selection");
        hidden = List.copyOf(hidden);
        variants = List.copyOf(variants);
        overrides = List.copyOf(overrides);
        if (epochs < 1 || epochs > 100_000) {
            throw new IllegalArgumentException("epochs must be in [1, 100000], was " + epochs);
        }
        if (evaluateEvery < 1 || evaluateEvery > epochs) {
            throw new IllegalArgumentException("evaluateEvery must be in [1, epochs], was " + evaluateEvery);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("regularizers must list at least one regularizer");
        }
        if (reference != null) {
            for (String label : reference.values().keySet()) {
                if (variants.stream().noneMatch(v -> v.name().equals(label))) {
                    throw new IllegalArgumentException("reference.values." + label + ": the suite has no regularizer "
                            + "named '" + label + "' (it has: " + String.join(", ", variants.stream().map(Variant::name)
                            .toList()) + ")");
                }
            }
        }
        HashSet<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("regularizer name '" + v.name() + "' is used twice");
            }
        }
    }

    /**
     * The selection protocol's rules (checked by the parser, which reports them all with the file's other
     * problems): a regularizer grid needs a validation set and two stages — or {@code exploratory: true}; two
     * stages need something to tune; a suite without a validation set can only use the final epoch; validation
     * error needs a classification task.
     *
     * @return every rule this suite breaks, empty if none
     */
    public List<SuiteProblem> problems() {
        List<SuiteProblem> problems = new ArrayList<>();
        boolean grid = variants.stream().anyMatch(Variant::swept);
        boolean validation = task.validationSize() > 0;
        String validationKey = task instanceof SuiteTask.PolynomialRegression ? "polynomial.validationPoints"
                : "validationSize";
        if (!validation && !exploratory) {
            problems.add(new SuiteProblem(validationKey, "0 leaves nothing to choose on; it is allowed only with "
                    + "exploratory: true (and then the report says that no selection was possible)"));
        }
        if (seeds instanceof SeedPlan.TwoStage) {
            if (!grid) {
                problems.add(new SuiteProblem("tuneSeeds", "two stages need a swept regularizer parameter to tune "
                        + "(e.g. lambda: {logspace: [1.0e-6, 1.0e-2], points: 9}); without a grid use seeds: [...]"));
            }
            if (!validation) {
                problems.add(new SuiteProblem(validationKey, "the tuning stage chooses on validation metrics; give "
                        + "a validation set"));
            }
        } else if (grid && !exploratory) {
            String swept = variants.stream().filter(Variant::swept).findFirst().map(Variant::name).orElse("");
            problems.add(new SuiteProblem("seeds", "regularizer '" + swept + "' sweeps a parameter: give tuneSeeds "
                    + "and evalSeeds (choose on tuning seeds, report on fresh ones), or set exploratory: true to run "
                    + "the grid without choosing"));
        }
        if (!validation && selection.rule() != EpochRule.FINAL) {
            problems.add(new SuiteProblem("selection.epoch", selection.rule().id() + " chooses on the validation "
                    + "curve, and this suite has no validation set"));
        }
        if (draw == DataDraw.PER_SEED && task instanceof SuiteTask.ImageClassification image) {
            int pool = image.dataset().size(dev.regbench.datasets.Split.TRAIN) - image.validationSize();
            for (int size : image.trainSizes()) {
                if (size >= pool) {
                    problems.add(new SuiteProblem("dataDraw", "per-seed draws " + size + " training images from a pool "
                            + "of " + pool + " (the training images less the validation set): every seed would train "
                            + "on the same images; use dataDraw: fixed (seeds then vary initialization, batch order "
                            + "and dropout), or a trainSize below " + pool));
                    break;
                }
            }
        }
        if (selection.metric() == SelectionMetric.VALIDATION_ERROR
                && task instanceof SuiteTask.PolynomialRegression) {
            problems.add(new SuiteProblem("selection.metric", "validation-error needs a classification task; the "
                    + "polynomial task chooses on validation-loss (MSE)"));
        }
        return problems;
    }

    /** @return the stages, in the order they run */
    public List<Stage> stages() {
        return seeds.stages();
    }

    /**
     * @param epoch an epoch in [0, epochs]
     * @return whether the network is evaluated after it: epoch 0, every {@code evaluateEvery}-th, and the last
     */
    public boolean evaluatedAfter(int epoch) {
        return epoch % evaluateEvery == 0 || epoch == epochs;
    }

    /** @return whether the suite has a tuning and an evaluation stage */
    public boolean twoStage() {
        return seeds instanceof SeedPlan.TwoStage;
    }

    /** @return the training-set sizes */
    public List<Integer> trainSizes() {
        return task.trainSizes();
    }

    /** @return the data conditions: every training-set size with every label-noise fraction, sizes slowest */
    public List<DataCondition> conditions() {
        return DataCondition.grid(task.trainSizes(), task.labelNoise());
    }

    /**
     * Command-line changes to a suite.
     *
     * @param epochs     replacement epochs, or null
     * @param trainSize  replacement training-set size (one condition), or null
     * @param seeds      seeds to run instead of a single-stage suite's, or null
     * @param tuneSeeds  tuning seeds instead of the suite's, or null
     * @param evalSeeds  evaluation seeds instead of the suite's, or null
     * @param only       names of the regularizers to keep, or null
     */
    public record Overrides(Integer epochs, Integer trainSize, List<Long> seeds, List<Long> tuneSeeds,
                            List<Long> evalSeeds, List<String> only) implements java.io.Serializable {
        /** No override. */
        public static final Overrides NONE = new Overrides(null, null, null, null, null, null);
    }

    /**
     * @param o the overrides
     * @return the suite with the overrides applied and recorded
     * @throws IllegalArgumentException naming the option if an override is invalid
     */
    public Suite withOverrides(Overrides o) {
        List<String> applied = new ArrayList<>(overrides);
        int e = epochs;
        if (o.epochs() != null) {
            e = o.epochs();
            applied.add("epochs=" + o.epochs());
        }
        SuiteTask t = task;
        if (o.trainSize() != null) {
            t = task.withTrainSizes(List.of(o.trainSize()));
            applied.add("trainSize=" + o.trainSize());
        }
        SeedPlan s = seeds;
        if (o.seeds() != null) {
            if (twoStage()) {
                throw new IllegalArgumentException("--seeds: suite '" + name + "' has two stages; use --tune-seeds "
                        + "and --eval-seeds");
            }
            s = new SeedPlan.SingleStage(o.seeds());
            applied.add("seeds=" + o.seeds());
        }
        if (o.tuneSeeds() != null || o.evalSeeds() != null) {
            if (!(seeds instanceof SeedPlan.TwoStage two)) {
                throw new IllegalArgumentException("--tune-seeds/--eval-seeds: suite '" + name + "' has one stage; "
                        + "use --seeds");
            }
            s = new SeedPlan.TwoStage(o.tuneSeeds() != null ? o.tuneSeeds() : two.tune(),
                    o.evalSeeds() != null ? o.evalSeeds() : two.eval());
            if (o.tuneSeeds() != null) {
                applied.add("tuneSeeds=" + o.tuneSeeds());
            }
            if (o.evalSeeds() != null) {
                applied.add("evalSeeds=" + o.evalSeeds());
            }
        }
        List<Variant> v = variants;
        if (o.only() != null) {
            for (String wanted : o.only()) {
                if (variants.stream().noneMatch(x -> x.name().equals(wanted))) {
                    throw new IllegalArgumentException("--only: suite '" + name + "' has no regularizer named '" + wanted
                            + "' (it has: " + String.join(", ", variants.stream().map(Variant::name).toList()) + ")");
                }
            }
            v = variants.stream().filter(x -> o.only().contains(x.name())).toList();
            applied.add("only=" + o.only());
        }
        int every = Math.min(evaluateEvery, e);
        return new Suite(name, description, file, fileSha256, t, draw, dataSeed, e, every, batchSize, s, selection,
                exploratory, hidden, activation, weightInit, optimizer, penalizeBiases, v, applied,
                reference == null || o.only() == null ? reference
                        : reference.restrictedTo(v.stream().map(Variant::name).toList()).orElse(null));
    }

    /**
     * @param sampleEpochs epochs of the sample, in [1, epochs]
     * @return this suite shortened to {@code sampleEpochs}, evaluated as often as the suite (at most every
     *         {@code sampleEpochs}): what the estimator times
     */
    public Suite sample(int sampleEpochs) {
        return new Suite(name, description, file, fileSha256, task, draw, dataSeed, sampleEpochs,
                Math.min(evaluateEvery, sampleEpochs), batchSize, seeds,
                selection, exploratory, hidden, activation, weightInit, optimizer, penalizeBiases, variants,
                overrides, reference);
    }

    /**
     * @param point     a grid point of one of this suite's variants
     * @param condition one of this suite's data conditions
     * @return SHA-256 of everything that configures a run at that point and condition (everything but the seed and
     *         the stage): equal for two runs exactly when they were configured identically, which is what resuming
     *         checks. (The true-label condition hashes as it did before label noise existed, so older results
     *         resume.)
     */
    public String effectiveSha256(Point point, DataCondition condition) {
        String text = experimentText() + String.format(Locale.ROOT, "trainSize=%d%n%sregularizer=%s,%s,%s%n",
                condition.trainSize(), condition.labelNoise() == 0 ? ""
                        : "labelNoise=" + Double.toString(condition.labelNoise()) + "\n",
                point.variant().name(), point.variant().kind().id(), canonical(point));
        return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return SHA-256 of what every run of this suite shares (task but its training-set size, splits, draw,
     *         network, schedule, optimizer, selection rule): runs with the same value are comparable in a report
     */
    public String experimentSha256() {
        return Checksums.sha256(experimentText().getBytes(StandardCharsets.UTF_8));
    }

    private String experimentText() {
        return String.format(Locale.ROOT,
                "name=%s%ntask=%s%ndraw=%s%nepochs=%d%nevaluateEvery=%d%nbatchSize=%d%ndataSeed=%d%nhidden=%s%n"
                        + "activation=%s%nweightInit=%s%noptimizer=%s,%s,%s%npenalizeBiases=%b%nselection=%s,%s,%s%n",
                name, taskCanonical(), draw.id(), epochs, evaluateEvery, batchSize, dataSeed, hidden, activation.id(), weightInit.id(),
                optimizer.type().id(), axisText("learningRate", optimizer.learningRate()),
                axisText("momentum", optimizer.momentum()), penalizeBiases, selection.metric().id(), selection.rule().id(),
                selection.patience()) + (optimizer.scheduled() ? "schedule=" + optimizer.describeSchedule() + "\n" : "");
    }

    /** @return a fixed optimizer setting as it always hashed, or a swept one's values (the grid every arm shares) */
    private String axisText(String key, double fixed) {
        Sweep swept = variants.get(0).training().get(key);
        return swept == null ? Double.toString(fixed)
                : swept.values().stream().map(v -> Double.toString(v)).toList().toString();
    }

    private static String canonical(Point point) {
        List<String> parts = new ArrayList<>();
        point.values().forEach((k, v) -> parts.add(k + "=" + Double.toString(v)));
        return String.join(",", parts);
    }

    private String taskCanonical() {
        if (task instanceof SuiteTask.ImageClassification image) {
            return image.dataset().id() + ",validationSize=" + image.validationSize();
        }
        var p = ((SuiteTask.PolynomialRegression) task).spec();
        return String.format(Locale.ROOT, "polynomial,coefficients=%s,degree=%d,noise=%s,validation=%d,test=%d",
                p.coefficients(), p.degree(), Double.toString(p.noiseStdDev()), p.validationPoints(), p.testPoints());
    }
}
