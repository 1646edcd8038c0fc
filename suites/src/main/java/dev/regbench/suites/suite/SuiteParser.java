package dev.regbench.suites.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.regbench.datasets.Checksums;
import dev.regbench.datasets.ImageDataset;
import dev.regbench.datasets.PolynomialSpec;
import dev.regbench.datasets.Split;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.WeightInitScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses and validates a suite file (YAML) into a {@link Suite}. Every problem — unknown key, wrong type,
 * value out of range, missing key, duplicate name — is a {@link SuiteException} whose one-line message names
 * the file, the field and the problem; nothing is trained from an invalid suite.
 */
public final class SuiteParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> TOP = Set.of("name", "description", "dataset", "trainSize", "epochs",
            "batchSize", "seeds", "dataSeed", "network", "optimizer", "penalizeBiases", "regularizers", "polynomial");
    private static final Set<String> NETWORK = Set.of("hidden", "activation", "weightInit");
    private static final Set<String> OPTIMIZER = Set.of("type", "learningRate", "momentum");
    private static final Set<String> POLYNOMIAL = Set.of("degree", "coefficients", "noiseStdDev", "trainPoints",
            "testPoints");
    private static final List<String> KINDS = List.of("none", "l1", "l2", "dropout-l2");

    private SuiteParser() {
    }

    /**
     * @param file a suite file
     * @return the validated suite
     * @throws SuiteException naming the file, the field and the problem
     */
    public static Suite parse(Path file) throws SuiteException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SuiteException(file, "", "file not found (suite files live in suites/, e.g. suites/mnist-quick.yaml)");
        } catch (IOException e) {
            throw new SuiteException(file, "", "cannot be read (" + e.getMessage() + ")");
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
        return parse(file, Checksums.sha256(bytes), YamlNode.root(file, tree));
    }

    private static Suite parse(Path file, String sha256, YamlNode root) throws SuiteException {
        root.rejectUnknownKeys(TOP);
        String name = root.string("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw root.get("name").error("must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        SuiteTask task = task(root);
        int epochs = root.integer("epochs", 1, 100_000);
        int batchSize = root.integer("batchSize", 1, 1 << 20);
        List<Long> seeds = new ArrayList<>();
        for (YamlNode s : root.list("seeds")) {
            long seed = s.asLong();
            if (seed < 0) {
                throw s.error("seeds must be >= 0, was " + seed);
            }
            seeds.add(seed);
        }
        long dataSeed = root.has("dataSeed") ? root.get("dataSeed").asLong() : 0L;

        YamlNode network = root.object("network");
        network.rejectUnknownKeys(NETWORK);
        List<Integer> hidden = new ArrayList<>();
        for (YamlNode h : network.list("hidden")) {
            hidden.add(h.asInt(1, 1 << 16));
        }
        Activation activation = choice(network, "activation", Activation.class, Activation.RELU);
        WeightInitScheme weightInit = choice(network, "weightInit", WeightInitScheme.class, activation.defaultInit());

        OptimizerSpec optimizer = optimizer(root.object("optimizer"));
        boolean penalizeBiases = root.bool("penalizeBiases", false);

        List<Variant> variants = new ArrayList<>();
        for (YamlNode r : root.list("regularizers")) {
            variants.add(variant(r.asObject()));
        }
        String description = root.string("description", "");
        Suite suite = validated(root, () -> new Suite(name, description, file, sha256, task, epochs, batchSize, seeds,
                dataSeed, hidden, activation, weightInit, optimizer, penalizeBiases, variants, List.of()));
        return suite;
    }

    private static SuiteTask task(YamlNode root) throws SuiteException {
        String dataset = root.string("dataset");
        if (dataset.equals("polynomial")) {
            if (root.has("trainSize")) {
                throw root.get("trainSize").error("not used by the polynomial task; set polynomial.trainPoints");
            }
            return new SuiteTask.PolynomialRegression(polynomial(root.object("polynomial")));
        }
        ImageDataset image;
        try {
            image = ImageDataset.fromId(dataset);
        } catch (IllegalArgumentException e) {
            throw root.get("dataset").error("unknown dataset '" + dataset + "' (expected mnist, fashion-mnist or polynomial)");
        }
        if (root.has("polynomial")) {
            throw root.get("polynomial").error("only for dataset: polynomial");
        }
        int full = image.size(Split.TRAIN);
        int trainSize = root.integer("trainSize", 1, full, full);
        return new SuiteTask.ImageClassification(image, trainSize);
    }

    private static PolynomialSpec polynomial(YamlNode p) throws SuiteException {
        p.rejectUnknownKeys(POLYNOMIAL);
        double noise = p.number("noiseStdDev");
        int train = p.integer("trainPoints", 1, 10_000_000, PolynomialSpec.DEFAULT_TRAIN_POINTS);
        int test = p.integer("testPoints", 1, 10_000_000, PolynomialSpec.DEFAULT_TEST_POINTS);
        if (p.has("coefficients")) {
            List<Double> coefficients = new ArrayList<>();
            for (YamlNode c : p.list("coefficients")) {
                coefficients.add(c.asDouble());
            }
            if (coefficients.isEmpty()) {
                throw p.get("coefficients").error("must list at least one coefficient (constant term first)");
            }
            int degree = p.has("degree") ? p.integer("degree", 0, 20) : coefficients.size() - 1;
            return validated(p, () -> new PolynomialSpec(coefficients, degree, noise, train, test));
        }
        if (!p.has("degree")) {
            throw p.error("give either degree (random coefficients from dataSeed) or coefficients");
        }
        int degree = p.integer("degree", 0, 20);
        return validated(p, () -> PolynomialSpec.ofDegree(degree, noise, train, test));
    }

    private static OptimizerSpec optimizer(YamlNode o) throws SuiteException {
        o.rejectUnknownKeys(OPTIMIZER);
        OptimizerSpec.Type type = choice(o, "type", OptimizerSpec.Type.class, null);
        double learningRate = o.number("learningRate");
        double momentum = o.number("momentum", type == OptimizerSpec.Type.NESTEROV ? 0.9 : 0.0);
        return validated(o, () -> new OptimizerSpec(type, learningRate, momentum));
    }

    private static Variant variant(YamlNode r) throws SuiteException {
        String kind = r.string("kind");
        Set<String> known = switch (kind) {
            case "none" -> Set.of("name", "kind");
            case "l1", "l2" -> Set.of("name", "kind", "lambda");
            case "dropout-l2" -> Set.of("name", "kind", "lambda", "inputRetain", "hiddenRetain");
            default -> throw r.get("kind").error("unknown kind '" + kind + "' (expected one of: "
                    + String.join(", ", KINDS) + ")");
        };
        r.rejectUnknownKeys(known);
        String name = r.string("name");
        Regularizer regularizer = switch (kind) {
            case "none" -> new Regularizer.None();
            case "l1" -> {
                double lambda = r.number("lambda");
                yield validated(r, () -> new Regularizer.L1(lambda));
            }
            case "l2" -> {
                double lambda = r.number("lambda");
                yield validated(r, () -> new Regularizer.L2(lambda));
            }
            default -> {
                double lambda = r.number("lambda");
                double inputRetain = r.number("inputRetain");
                double hiddenRetain = r.number("hiddenRetain");
                yield validated(r, () -> new Regularizer.DropoutL2(inputRetain, hiddenRetain, lambda));
            }
        };
        return validated(r, () -> new Variant(name, regularizer));
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
