package dev.regbench.suites.suite;

import dev.regbench.datasets.Checksums;
import dev.regbench.suites.network.Activation;
import dev.regbench.suites.network.OptimizerSpec;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.WeightInitScheme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A validated experiment: one task, one network, one schedule, several regularizers × several seeds.
 * Immutable; build it with {@link SuiteParser} (or directly in tests). Command-line overrides give a new
 * suite ({@link #withOverrides}) whose {@link #effectiveSha256()} differs.
 *
 * @param name           suite name (letters, digits, '.', '_', '-')
 * @param description    free text for humans; may be empty
 * @param file           the suite file it was read from (for messages and provenance)
 * @param fileSha256     SHA-256 of the file's bytes
 * @param task           what is trained on
 * @param epochs         passes over the training set, in [1, 100000]
 * @param batchSize      examples per training step, ≥ 1
 * @param seeds          run seeds, distinct, non-empty: each drives initialization, batch order and dropout
 * @param dataSeed       seed of the training subset / polynomial data, shared by every run of the suite
 * @param hidden         hidden layer sizes, each ≥ 1
 * @param activation     hidden activation
 * @param weightInit     weight initialization
 * @param optimizer      the updater
 * @param penalizeBiases whether L1/L2 penalties also apply to biases (default false, as in DL4J)
 * @param variants       the regularizers compared, non-empty, unique names
 * @param overrides      command-line overrides applied after parsing, e.g. {@code epochs=2}
 */
public record Suite(String name, String description, Path file, String fileSha256, SuiteTask task, int epochs,
                    int batchSize, List<Long> seeds, long dataSeed, List<Integer> hidden, Activation activation,
                    WeightInitScheme weightInit, OptimizerSpec optimizer, boolean penalizeBiases,
                    List<Variant> variants, List<String> overrides) {

    /** Validates cross-field rules; single fields are validated where they are parsed. */
    public Suite {
        Objects.requireNonNull(task, "task");
        seeds = List.copyOf(seeds);
        hidden = List.copyOf(hidden);
        variants = List.copyOf(variants);
        overrides = List.copyOf(overrides);
        if (epochs < 1 || epochs > 100_000) {
            throw new IllegalArgumentException("epochs must be in [1, 100000], was " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds must list at least one seed");
        }
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("seeds must be distinct, were " + seeds);
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("regularizers must list at least one regularizer");
        }
        HashSet<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("regularizer name '" + v.name() + "' is used twice");
            }
        }
    }

    /**
     * @param newEpochs    replacement epochs, or null
     * @param newTrainSize replacement training subset size (image tasks), or null
     * @param onlySeeds    seeds to run instead of the suite's, or null
     * @param onlyVariants names of the variants to keep, or null
     * @return the suite with the overrides applied and recorded
     * @throws IllegalArgumentException naming the option if an override is invalid
     */
    public Suite withOverrides(Integer newEpochs, Integer newTrainSize, List<Long> onlySeeds,
                               List<String> onlyVariants) {
        List<String> applied = new java.util.ArrayList<>(overrides);
        int e = epochs;
        if (newEpochs != null) {
            e = newEpochs;
            applied.add("epochs=" + newEpochs);
        }
        SuiteTask t = task;
        if (newTrainSize != null) {
            if (!(task instanceof SuiteTask.ImageClassification image)) {
                throw new IllegalArgumentException("--train-size applies to image datasets; the polynomial task sets "
                        + "polynomial.trainPoints in the suite file");
            }
            t = new SuiteTask.ImageClassification(image.dataset(), newTrainSize);
            applied.add("trainSize=" + newTrainSize);
        }
        List<Long> s = seeds;
        if (onlySeeds != null) {
            s = List.copyOf(onlySeeds);
            applied.add("seeds=" + s);
        }
        List<Variant> v = variants;
        if (onlyVariants != null) {
            for (String wanted : onlyVariants) {
                if (variants.stream().noneMatch(x -> x.name().equals(wanted))) {
                    throw new IllegalArgumentException("--only: suite '" + name + "' has no regularizer named '" + wanted
                            + "' (it has: " + String.join(", ", variants.stream().map(Variant::name).toList()) + ")");
                }
            }
            v = variants.stream().filter(x -> onlyVariants.contains(x.name())).toList();
            applied.add("only=" + onlyVariants);
        }
        return new Suite(name, description, file, fileSha256, t, e, batchSize, s, dataSeed, hidden, activation,
                weightInit, optimizer, penalizeBiases, v, applied);
    }

    /**
     * @param variant one of this suite's variants
     * @return SHA-256 of everything that configures a run of {@code variant} (task, data seed, network,
     *         schedule, optimizer, that regularizer; not the seed list or the other variants): equal for two runs
     *         exactly when they were configured identically, which is what resuming checks
     */
    public String effectiveSha256(Variant variant) {
        Regularizer r = variant.regularizer();
        String text = String.format(Locale.ROOT,
                "name=%s%ntask=%s%nepochs=%d%nbatchSize=%d%ndataSeed=%d%nhidden=%s%nactivation=%s%nweightInit=%s%n"
                        + "optimizer=%s,%s,%s%npenalizeBiases=%b%nregularizer=%s,%s,%s,%s,%s,%s%n",
                name, taskCanonical(), epochs, batchSize, dataSeed, hidden, activation.id(), weightInit.id(),
                optimizer.type().id(), Double.toString(optimizer.learningRate()),
                Double.toString(optimizer.momentum()), penalizeBiases, variant.name(), r.kind(),
                Double.toString(r.l1()), Double.toString(r.l2()), Double.toString(r.inputRetain()),
                Double.toString(r.hiddenRetain()));
        return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private String taskCanonical() {
        if (task instanceof SuiteTask.ImageClassification image) {
            return image.dataset().id() + ",trainSize=" + image.trainSize();
        }
        SuiteTask.PolynomialRegression poly = (SuiteTask.PolynomialRegression) task;
        var p = poly.spec();
        return String.format(Locale.ROOT, "polynomial,coefficients=%s,degree=%d,noise=%s,train=%d,test=%d",
                p.coefficients(), p.degree(), Double.toString(p.noiseStdDev()), p.trainPoints(), p.testPoints());
    }
}
