package dev.regbench.suites.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.regbench.datasets.Checksums;
import dev.regbench.datasets.DataDraw;
import dev.regbench.datasets.ImageDataset;
import dev.regbench.datasets.PolynomialSpec;
import dev.regbench.reports.schema.EpochRule;
import dev.regbench.reports.schema.PublishedReference;
import dev.regbench.reports.schema.SelectionMetric;
import dev.regbench.reports.select.SelectionPolicy;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.LearningRateSchedule;
import dev.regbench.suites.network.MomentumRamp;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.RegularizerKind;
import dev.regbench.suites.network.WeightInitScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses and validates a suite file (YAML) into a {@link Suite}. Every problem — unknown key, wrong type,
 * value out of range, missing key, duplicate name, bad sweep, a broken protocol rule — is reported in one
 * {@link SuiteException} with one line per problem naming the file, the field and the problem; all problems
 * of a file are reported at once, and nothing is trained from an invalid suite.
 */
public final class SuiteParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> TOP = Set.of("name", "description", "dataset", "trainSize", "validationSize",
            "dataDraw", "dataSeed", "epochs", "evaluateEvery", "batchSize", "seeds", "tuneSeeds", "evalSeeds", "selection",
            "exploratory", "network", "optimizer", "penalizeBiases", "regularizers", "polynomial", "labelNoise", "reference");
    private static final Set<String> NETWORK = Set.of("hidden", "activation", "weightInit");
    private static final Set<String> OPTIMIZER = Set.of("type", "learningRate", "momentum", "schedule", "momentumRamp");
    private static final Set<String> SCHEDULE = Set.of("type", "factor", "everyEpochs", "warmupEpochs");
    private static final Set<String> RAMP = Set.of("to", "overEpochs");
    private static final Set<String> SELECTION = Set.of("metric", "epoch", "patience");
    private static final Set<String> REFERENCE = Set.of("citation", "setup", "metric", "values");
    private static final Set<String> POLYNOMIAL = Set.of("degree", "coefficients", "noiseStdDev", "trainPoints",
            "validationPoints", "testPoints");

    private SuiteParser() {
    }

    /**
     * @param file a suite file
     * @return the validated suite
     * @throws SuiteException naming the file, the field and the problem, one line per problem
     */
    public static Suite parse(Path file) throws SuiteException {
        return parse(file, read(file));
    }

    /** The largest suite file read: shipped suites are under 4 KB. */
    public static final long MAX_BYTES = 1 << 20;

    /**
     * Reads a suite file once, so that what is parsed, copied beside the results and shipped to executors is
     * the same content even if the file changes meanwhile.
     *
     * @param file a suite file
     * @return its bytes
     * @throws SuiteException if it is missing or unreadable, one line
     */
    public static byte[] read(Path file) throws SuiteException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SuiteException(file, "", String.format(java.util.Locale.ROOT, "is %,d bytes; a suite file is "
                        + "at most %,d (is this the right file?)", size, MAX_BYTES));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SuiteException(file, "", "file not found (suite files live in suites/, e.g. suites/mnist-quick.yaml)");
        } catch (IOException e) {
            throw new SuiteException(file, "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Parses a suite file's content read elsewhere (e.g. shipped to a Spark executor), with every check of
     * {@link #parse(Path)}; the suite's hash is the content's, so both give the same suite.
     *
     * @param file  the file's name, for messages and the suite's provenance
     * @param bytes its content
     * @return the validated suite
     * @throws SuiteException naming the file, the field and the problem, one line per problem
     */
    public static Suite parse(Path file, byte[] bytes) throws SuiteException {
        if (bytes.length > MAX_BYTES) {
            throw new SuiteException(file, "", String.format(java.util.Locale.ROOT, "is %,d bytes; a suite file is at "
                    + "most %,d (is this the right file?)", bytes.length, MAX_BYTES));
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new SuiteException(file, "", "not valid YAML" + where + ": " + e.getOriginalMessage().lines()
                    .findFirst().orElse(""));
        } catch (IOException e) {
            throw new SuiteException(file, "", "cannot be parsed (" + e.getMessage() + ")");
        }
        return new Parse(file, Checksums.sha256(bytes)).suite(YamlNode.root(file, tree));
    }

    /** One parse of one file: collects every problem instead of stopping at the first. */
    private static final class Parse {
        private final Path file;
        private final String sha256;
        private final List<SuiteException> problems = new ArrayList<>();

        Parse(Path file, String sha256) {
            this.file = file;
            this.sha256 = sha256;
        }

        /** A piece of parsing that may fail with a SuiteException. */
        private interface Step<T> {
            T run() throws SuiteException;
        }

        /** Runs a step; on failure records its problem and returns empty. */
        private <T> Optional<T> attempt(Step<T> step) {
            try {
                return Optional.ofNullable(step.run());
            } catch (SuiteException e) {
                problems.add(e);
                return Optional.empty();
            }
        }

        Suite suite(YamlNode root) throws SuiteException {
            problems.addAll(root.unknownKeys(TOP));
            Optional<String> name = attempt(() -> {
                String n = root.string("name");
                if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    throw root.get("name").error("must be letters, digits, '.', '_' or '-', was '" + n + "'");
                }
                return n;
            });
            Optional<SuiteTask> task = attempt(() -> task(root));
            Optional<DataDraw> draw = attempt(() -> {
                if (!root.has("dataDraw")) {
                    return DataDraw.FIXED;
                }
                String id = root.string("dataDraw");
                return validated(root.get("dataDraw"), () -> DataDraw.of(id));
            });
            Optional<Long> dataSeed = attempt(() -> root.has("dataSeed") ? root.get("dataSeed").asLong() : 0L);
            Optional<Integer> epochs = attempt(() -> root.integer("epochs", 1, 100_000));
            Optional<Integer> evaluateEvery = attempt(() -> root.integer("evaluateEvery", 1, 100_000, 1));
            Optional<Integer> batchSize = attempt(() -> root.integer("batchSize", 1, 1 << 20));
            Optional<SeedPlan> seeds = attempt(() -> seeds(root));
            Optional<SelectionPolicy> selection = attempt(() -> selection(root));
            Optional<Boolean> exploratory = attempt(() -> root.bool("exploratory", false));

            Optional<YamlNode> network = attempt(() -> root.object("network"));
            network.ifPresent(n -> problems.addAll(n.unknownKeys(NETWORK)));
            Optional<List<Integer>> hidden = network.flatMap(n -> attempt(() -> {
                List<Integer> sizes = new ArrayList<>();
                for (YamlNode h : n.list("hidden")) {
                    sizes.add(h.asInt(1, 1 << 16));
                }
                return sizes;
            }));
            Optional<Activation> activation = network.flatMap(n -> attempt(() ->
                    choice(n, "activation", Activation.class, Activation.RELU)));
            Optional<WeightInitScheme> weightInit = network.flatMap(n -> attempt(() -> choice(n, "weightInit",
                    WeightInitScheme.class, activation.orElse(Activation.RELU).defaultInit())));
            Optional<OptimizerSpec> optimizer = attempt(() -> optimizer(root.object("optimizer")));
            Optional<Map<String, Sweep>> training = attempt(() -> training(root.object("optimizer")));
            Optional<Boolean> penalizeBiases = attempt(() -> root.bool("penalizeBiases", false));
            Optional<List<Variant>> variants = attempt(() -> variants(root, training.orElse(Map.of())));
            Optional<String> description = attempt(() -> root.string("description", ""));
            Optional<PublishedReference> reference = root.present("reference")
                    ? attempt(() -> reference(root.object("reference"))) : Optional.empty();

            if (!problems.isEmpty()) {
                throw SuiteException.combine(problems);
            }
            Suite suite = validated(root, () -> new Suite(name.get(), description.get(), file, sha256, task.get(),
                    draw.get(), dataSeed.get(), epochs.get(), evaluateEvery.get(), batchSize.get(), seeds.get(), selection.get(),
                    exploratory.get(), hidden.get(), activation.get(), weightInit.get(), optimizer.get(),
                    penalizeBiases.get(), variants.get(), List.of(), reference.orElse(null)));
            List<SuiteProblem> rules = suite.problems();
            if (!rules.isEmpty()) {
                throw new SuiteException(file, rules);
            }
            return suite;
        }

        private SuiteTask task(YamlNode root) throws SuiteException {
            String dataset = root.string("dataset");
            if (dataset.equals("polynomial")) {
                for (String imageOnly : List.of("trainSize", "validationSize")) {
                    if (root.has(imageOnly)) {
                        problems.add(root.get(imageOnly).error("not used by the polynomial task; set polynomial."
                                + (imageOnly.equals("trainSize") ? "trainPoints" : "validationPoints")));
                    }
                }
                if (root.present("labelNoise")) {
                    problems.add(root.get("labelNoise").error("replaces class labels, so it is only for mnist and "
                            + "fashion-mnist; the polynomial task's noise is polynomial.noiseStdDev"));
                }
                YamlNode p = root.object("polynomial");
                PolynomialSpec spec = polynomial(p);
                List<Integer> sizes = p.has("trainPoints") ? sizes(p.get("trainPoints"))
                        : List.of(PolynomialSpec.DEFAULT_TRAIN_POINTS);
                return validated(p, () -> new SuiteTask.PolynomialRegression(spec, sizes));
            }
            ImageDataset image;
            try {
                image = ImageDataset.fromId(dataset);
            } catch (IllegalArgumentException e) {
                throw root.get("dataset").error("unknown dataset '" + dataset + "' (expected mnist, fashion-mnist or polynomial)");
            }
            if (root.has("polynomial")) {
                problems.add(root.get("polynomial").error("only for dataset: polynomial"));
            }
            int published = image.size(dev.regbench.datasets.Split.TRAIN);
            int validation = root.integer("validationSize", 0, published - 1,
                    SuiteTask.ImageClassification.DEFAULT_VALIDATION_SIZE);
            List<Integer> sizes = root.has("trainSize") ? sizes(root.get("trainSize")) : List.of(published - validation);
            YamlNode at = root.has("trainSize") ? root.get("trainSize") : root;
            List<Double> noise = root.present("labelNoise") ? root.get("labelNoise").sweep().values() : List.of(0.0);
            if (root.present("labelNoise")) {
                validated(root.get("labelNoise"), () -> new SuiteTask.ImageClassification(image, List.of(1), 0, noise));
            }
            return validated(at, () -> new SuiteTask.ImageClassification(image, sizes, validation, noise));
        }

        /** Training-set sizes: one integer or a sweep of them (a logspace is rounded to integers). */
        private List<Integer> sizes(YamlNode n) throws SuiteException {
            Sweep sweep = n.sweep();
            List<Integer> sizes = new ArrayList<>();
            for (double v : sweep.values()) {
                long rounded = Math.round(v);
                if (!n.isRange() && rounded != v) {
                    throw n.error("training-set sizes are whole numbers, found " + Sweep.format(v));
                }
                if (rounded < 1 || rounded > Integer.MAX_VALUE) {
                    throw n.error("training-set sizes must be >= 1, found " + Sweep.format(v));
                }
                sizes.add((int) rounded);
            }
            if (new LinkedHashSet<>(sizes).size() != sizes.size()) {
                throw n.error("duplicate sizes after rounding to whole examples: " + sizes + " (fewer points)");
            }
            return sizes;
        }

        private PolynomialSpec polynomial(YamlNode p) throws SuiteException {
            problems.addAll(p.unknownKeys(POLYNOMIAL));
            double noise = p.number("noiseStdDev");
            int validation = p.integer("validationPoints", 0, 10_000_000, PolynomialSpec.DEFAULT_VALIDATION_POINTS);
            int test = p.integer("testPoints", 1, 10_000_000, PolynomialSpec.DEFAULT_TEST_POINTS);
            int train = PolynomialSpec.DEFAULT_TRAIN_POINTS; // the sizes list replaces it
            if (p.has("coefficients")) {
                List<Double> coefficients = new ArrayList<>();
                for (YamlNode c : p.list("coefficients")) {
                    coefficients.add(c.asDouble());
                }
                if (coefficients.isEmpty()) {
                    throw p.get("coefficients").error("must list at least one coefficient (constant term first)");
                }
                int degree = p.has("degree") ? p.integer("degree", 0, 20) : coefficients.size() - 1;
                return validated(p, () -> new PolynomialSpec(coefficients, degree, noise, train, validation, test));
            }
            if (!p.has("degree")) {
                throw p.error("give either degree (random coefficients from dataSeed) or coefficients");
            }
            int degree = p.integer("degree", 0, 20);
            return validated(p, () -> PolynomialSpec.ofDegree(degree, noise, train, validation, test));
        }

        private SeedPlan seeds(YamlNode root) throws SuiteException {
            boolean single = root.has("seeds");
            boolean tune = root.has("tuneSeeds");
            boolean eval = root.has("evalSeeds");
            if (single && (tune || eval)) {
                throw root.get("seeds").error("give either seeds (one stage) or tuneSeeds and evalSeeds (two "
                        + "stages), not both");
            }
            if (single) {
                List<Long> seeds = seedList(root, "seeds");
                return validated(root.get("seeds"), () -> new SeedPlan.SingleStage(seeds));
            }
            if (tune != eval) {
                throw new SuiteException(file, tune ? "evalSeeds" : "tuneSeeds",
                        "two stages need both tuneSeeds and evalSeeds");
            }
            if (!tune) {
                throw new SuiteException(file, "seeds", "required key is missing (give seeds for one stage, or "
                        + "tuneSeeds and evalSeeds for two)");
            }
            List<Long> t = seedList(root, "tuneSeeds");
            List<Long> e = seedList(root, "evalSeeds");
            return validated(root.get("evalSeeds"), () -> new SeedPlan.TwoStage(t, e));
        }

        private List<Long> seedList(YamlNode root, String key) throws SuiteException {
            List<Long> seeds = new ArrayList<>();
            for (YamlNode s : root.list(key)) {
                long seed = s.asLong();
                if (seed < 0) {
                    throw s.error(key + " must be >= 0, was " + seed);
                }
                seeds.add(seed);
            }
            return seeds;
        }

        private SelectionPolicy selection(YamlNode root) throws SuiteException {
            if (!root.has("selection")) {
                return SelectionPolicy.DEFAULT;
            }
            YamlNode s = root.object("selection");
            problems.addAll(s.unknownKeys(SELECTION));
            SelectionMetric metric = SelectionMetric.VALIDATION_LOSS;
            if (s.has("metric")) {
                String m = s.string("metric");
                metric = Arrays.stream(SelectionMetric.values()).filter(x -> x.id().equals(m)).findFirst()
                        .orElseThrow(() -> new SuiteException(file, "selection.metric", "unknown value '" + m
                                + "' (expected validation-loss or validation-error)"));
            }
            EpochRule rule = choice(s, "epoch", EpochRule.class, EpochRule.FINAL);
            Integer patience = s.has("patience") ? s.integer("patience", 1, 100_000) : null;
            SelectionMetric chosen = metric;
            return validated(s, () -> new SelectionPolicy(chosen, rule, patience));
        }

        private List<Variant> variants(YamlNode root, Map<String, Sweep> training) throws SuiteException {
            List<Variant> variants = new ArrayList<>();
            List<YamlNode> entries = root.list("regularizers");
            for (YamlNode r : entries) {
                attempt(() -> variant(r.asObject(), training)).ifPresent(variants::add);
            }
            if (entries.isEmpty()) {
                throw root.get("regularizers").error("regularizers must list at least one regularizer");
            }
            Set<String> names = new java.util.HashSet<>();
            for (Variant v : variants) {
                if (!names.add(v.name())) {
                    throw root.get("regularizers").error("regularizer name '" + v.name() + "' is used twice");
                }
            }
            return variants;
        }

        private Variant variant(YamlNode r, Map<String, Sweep> training) throws SuiteException {
            String kindName = r.string("kind");
            RegularizerKind kind;
            try {
                kind = RegularizerKind.of(kindName);
            } catch (IllegalArgumentException e) {
                throw r.get("kind").error(e.getMessage());
            }
            Set<String> known = new java.util.HashSet<>(List.of("name", "kind"));
            known.addAll(kind.parameters());
            List<SuiteException> local = new ArrayList<>(r.unknownKeys(known));
            Optional<String> name = Optional.empty();
            try {
                name = Optional.of(r.string("name"));
            } catch (SuiteException e) {
                local.add(e);
            }
            Map<String, Sweep> parameters = new LinkedHashMap<>();
            for (String key : kind.parameters()) {
                if (!kind.requiresAll() && !r.present(key)) {
                    continue; // a composite takes the components it names
                }
                try {
                    parameters.put(key, r.get(key).sweep());
                } catch (SuiteException e) {
                    local.add(e);
                }
            }
            if (!local.isEmpty()) {
                throw SuiteException.combine(local);
            }
            String label = name.get();
            Variant variant = validated(r, () -> new Variant(label, kind, parameters, training));
            for (Point p : variant.points()) { // every point's values are validated by the regularizer itself
                validated(r, p::regularizer);
            }
            return variant;
        }

        /** The {@code reference:} block: published numbers, keyed by this suite's regularizer names. */
        private PublishedReference reference(YamlNode r) throws SuiteException {
            problems.addAll(r.unknownKeys(REFERENCE));
            String citation = r.string("citation");
            String setup = r.string("setup");
            PublishedReference.Metric metric = PublishedReference.Metric.TEST_ERROR;
            if (r.has("metric")) {
                String id = r.string("metric");
                metric = null;
                for (PublishedReference.Metric m : PublishedReference.Metric.values()) {
                    metric = m.id().equals(id) ? m : metric;
                }
                if (metric == null) {
                    throw r.get("metric").error("unknown metric '" + id + "' (expected test-error, in percent, or "
                            + "test-loss)");
                }
            }
            YamlNode v = r.object("values");
            Map<String, Double> values = new LinkedHashMap<>();
            for (String name : v.keys()) {
                values.put(name, v.number(name));
            }
            PublishedReference.Metric chosen = metric;
            return validated(r, () -> new PublishedReference(citation, setup, chosen, values));
        }

        /**
         * The optimizer at its first learning rate and momentum (a sweep's others are grid axes: {@link #training}),
         * with its schedule; every swept value is validated as the optimizer's.
         */
        private OptimizerSpec optimizer(YamlNode o) throws SuiteException {
            problems.addAll(o.unknownKeys(OPTIMIZER));
            OptimizerSpec.Type type = choice(o, "type", OptimizerSpec.Type.class, null);
            Sweep rates = o.get("learningRate").sweep();
            Sweep momenta = o.has("momentum") ? o.get("momentum").sweep()
                    : Sweep.of(type == OptimizerSpec.Type.NESTEROV ? 0.9 : 0.0);
            LearningRateSchedule schedule = o.has("schedule") ? schedule(o.object("schedule"))
                    : LearningRateSchedule.CONSTANT;
            MomentumRamp ramp = o.has("momentumRamp") ? ramp(o.object("momentumRamp")) : null;
            for (double rate : rates.values()) {
                validated(o.get("learningRate"), () -> new OptimizerSpec(type, rate,
                        type == OptimizerSpec.Type.NESTEROV ? 0.9 : 0.0));
            }
            for (double momentum : momenta.values()) {
                validated(o.has("momentum") ? o.get("momentum") : o, () -> new OptimizerSpec(type, 1.0, momentum));
            }
            return validated(o, () -> new OptimizerSpec(type, rates.values().get(0), momenta.values().get(0), schedule,
                    ramp, null));
        }

        /** @return the optimizer settings swept for every regularizer: learningRate and momentum, where lists */
        private Map<String, Sweep> training(YamlNode o) throws SuiteException {
            Map<String, Sweep> axes = new LinkedHashMap<>();
            for (String key : Variant.TRAINING_KEYS) {
                if (o.has(key) && o.get(key).sweep().swept()) {
                    axes.put(key, o.get(key).sweep());
                }
            }
            return axes;
        }

        private LearningRateSchedule schedule(YamlNode s) throws SuiteException {
            problems.addAll(s.unknownKeys(SCHEDULE));
            LearningRateSchedule.Kind kind = choice(s, "type", LearningRateSchedule.Kind.class, null);
            boolean decays = kind == LearningRateSchedule.Kind.STEP || kind == LearningRateSchedule.Kind.EXPONENTIAL;
            double factor = decays ? s.number("factor") : s.number("factor", 1.0);
            int every = kind == LearningRateSchedule.Kind.STEP ? s.integer("everyEpochs", 1, 100_000)
                    : s.integer("everyEpochs", 0, 0, 0);
            double warmup = s.number("warmupEpochs", 0.0);
            return validated(s, () -> new LearningRateSchedule(kind, factor, every, warmup));
        }

        private MomentumRamp ramp(YamlNode r) throws SuiteException {
            problems.addAll(r.unknownKeys(RAMP));
            double to = r.number("to");
            double over = r.number("overEpochs");
            return validated(r, () -> new MomentumRamp(to, over));
        }
    }

    private static <E extends Enum<E>> E choice(YamlNode parent, String key, Class<E> type, E fallback)
            throws SuiteException {
        if (!parent.has(key)) {
            if (fallback == null) {
                parent.get(key); // throws "required key is missing"
            }
            return fallback;
        }
        YamlNode n = parent.get(key);
        String value = n.asString();
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        throw n.error("unknown value '" + value + "' (expected one of: " + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }

    /** Runs a record constructor, turning its validation error into a SuiteException at {@code at}. */
    private static <T> T validated(YamlNode at, Supplier<T> constructor) throws SuiteException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw at.error(e.getMessage());
        }
    }
}
