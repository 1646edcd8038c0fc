package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.regbench.reports.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and writes {@link RunResult} files (pretty JSON, UTF-8, absent values omitted). */
public final class RunResultFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private RunResultFiles() {
    }

    /** @return the mapper configured for result files (also used for the report's JSON) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param result a result
     * @return its JSON text
     */
    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes atomically: the file either does not exist or is complete.
     *
     * @param file   target path
     * @param result the result
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, RunResult result) throws IOException {
        AtomicFiles.write(file, toJson(result).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Files larger than this are refused unread (a result file is tens of kilobytes to a few megabytes). */
    public static final long MAX_BYTES = 64L << 20;

    /**
     * A result file as read.
     *
     * @param result  its content, validated against the schema
     * @param minor   its {@code schemaMinor} (0 when absent)
     * @param ignored fields of a newer minor version that this regbench does not know and set aside (their paths,
     *                e.g. {@code epochs[].newMetric}); empty for files of this or an older minor version
     */
    public record Loaded(RunResult result, int minor, java.util.Set<String> ignored) {
    }

    /**
     * @param file a result file
     * @return its content, validated against the schema
     * @throws ResultFileException if it is unreadable, not JSON, of another schema version, or lacks a
     *                             required field
     */
    public static RunResult read(Path file) throws ResultFileException {
        return load(file).result();
    }

    /**
     * Reads a result file. Files of this schema version's minor versions up to {@link RunResult#SCHEMA_MINOR} must
     * not hold unknown fields; a newer minor version only adds fields, so its unknown fields are set aside and
     * listed in {@link Loaded#ignored}. Another major version is refused.
     *
     * @param file a result file
     * @return its content and what was set aside
     * @throws ResultFileException if it is unreadable, too large, not JSON, of another major version, or
     *                             violates the schema
     */
    public static Loaded load(Path file) throws ResultFileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ResultFileException(file, tooLarge(size));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file, "file not found");
        } catch (ResultFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), bytes);
    }

    /** @return the message for a file of {@code size} bytes, over {@link #MAX_BYTES} */
    public static String tooLarge(long size) {
        return String.format(java.util.Locale.ROOT, "%,d bytes, more than any result file (%,d at most): not a "
                + "regbench result", size, MAX_BYTES);
    }

    /**
     * Parses a result file's content (read from any file system), with the checks of {@link #load(Path)}.
     *
     * @param location where it came from, for messages
     * @param bytes    its content, at most {@link #MAX_BYTES}
     * @return its content and what was set aside
     * @throws ResultFileException if it is not JSON, of another major version, or violates the schema
     */
    public static Loaded parse(String location, byte[] bytes) throws ResultFileException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ResultFileException(location, "not valid JSON (truncated or corrupt?): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ResultFileException(location, "cannot be read (" + e.getMessage() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new ResultFileException(location, "not a regbench result (expected a JSON object)");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new ResultFileException(location, "not a regbench result (no integer schemaVersion)");
        }
        if (version.intValue() == 1) {
            throw new ResultFileException(location, "schemaVersion 1 was written before regbench had a validation split "
                    + "and cannot be compared fairly with newer runs; re-run its suite with this regbench (or render "
                    + "it with a regbench from before schema 2)");
        }
        if (version.intValue() != RunResult.SCHEMA_VERSION) {
            throw new ResultFileException(location, "schemaVersion " + version.intValue() + " is not supported (this "
                    + "regbench reads version " + RunResult.SCHEMA_VERSION + "); re-run or use a matching regbench");
        }
        JsonNode minorNode = tree.get("schemaMinor");
        if (minorNode != null && !minorNode.isInt()) {
            throw new ResultFileException(location, "schemaMinor must be an integer");
        }
        int minor = minorNode == null ? 0 : minorNode.intValue();
        java.util.Set<String> ignored = minor > RunResult.SCHEMA_MINOR
                ? SchemaFields.stripUnknown((com.fasterxml.jackson.databind.node.ObjectNode) tree, RunResult.class)
                : java.util.Set.of();
        String missing = RequiredFields.firstMissing(tree, RunResult.class);
        if (missing != null) {
            throw new ResultFileException(location, "required field missing: " + missing);
        }
        RunResult result;
        try {
            result = MAPPER.treeToValue(tree, RunResult.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ResultFileException(location, "unknown field '" + e.getPropertyName() + "' at " + path(e));
        } catch (MismatchedInputException e) {
            throw new ResultFileException(location, "schema violation at " + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ResultFileException(location, "schema violation: " + e.getOriginalMessage());
        }
        requirePresent(location, result);
        return new Loaded(result, minor, ignored);
    }

    private static String path(MismatchedInputException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return p.isEmpty() ? "top level" : p.substring(p.startsWith(".") ? 1 : 0);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void requirePresent(String file, RunResult r) throws ResultFileException {
        List<String> missing = new java.util.ArrayList<>();
        if (r.suite() == null) missing.add("suite");
        if (r.stage() == null) missing.add("stage");
        if (r.point() == null) missing.add("point");
        if (r.task() == null) missing.add("task");
        if (r.dataset() == null) missing.add("dataset");
        if (r.network() == null) missing.add("network");
        if (r.regularizer() == null) missing.add("regularizer");
        if (r.status() == null) missing.add("status");
        if (r.epochs() == null) missing.add("epochs");
        if (r.initialParamsSha256() == null) missing.add("initialParamsSha256");
        if (r.environment() == null) missing.add("environment");
        // The names the report groups and labels by (a file with "kind": null is not a result it can place).
        if (r.suite() != null && blank(r.suite().name())) missing.add("suite.name");
        if (r.suite() != null && blank(r.suite().effectiveSha256())) missing.add("suite.effectiveSha256");
        if (r.regularizer() != null && blank(r.regularizer().name())) missing.add("regularizer.name");
        if (r.regularizer() != null && blank(r.regularizer().kind())) missing.add("regularizer.kind");
        if (r.dataset() != null && blank(r.dataset().name())) missing.add("dataset.name");
        if (r.epochChoice() != null && r.epochChoice().rule() == null) missing.add("epochChoice.rule");
        if (r.epochChoice() != null && r.epochChoice().metric() == null) missing.add("epochChoice.metric");
        if (r.status() == RunStatus.COMPLETED && r.finalMetrics() == null) missing.add("final");
        if (r.status() == RunStatus.COMPLETED && r.epochChoice() == null) missing.add("epochChoice");
        if (r.status() == RunStatus.DIVERGED && r.divergedAtEpoch() == null) missing.add("divergedAtEpoch");
        if (r.point() != null) {
            for (var e : r.point().entrySet()) {
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    throw new ResultFileException(file, "point." + e.getKey() + " must be a finite number, was "
                            + e.getValue());
                }
            }
        }
        EpochChoice choice = r.epochChoice();
        if (choice != null && choice.rule() != null
                && (choice.rule() == EpochRule.PATIENCE) != (choice.patience() != null && choice.patience() >= 1)) {
            throw new ResultFileException(file, "epochChoice.patience must be an integer >= 1 exactly when "
                    + "epochChoice.rule is patience (was " + choice.patience() + " with " + choice.rule() + ")");
        }
        if (!missing.isEmpty()) {
            throw new ResultFileException(file, "required field(s) missing: " + String.join(", ", missing));
        }
        for (int i = 0; i < r.epochs().size(); i++) {
            EpochMetrics m = r.epochs().get(i);
            boolean validationExpected = r.dataset().validationSize() > 0;
            if (m.train() == null || m.test() == null || (validationExpected && m.validation() == null)) {
                throw new ResultFileException(file, "epochs[" + i + "] lacks train, validation or test metrics");
            }
            // Training and validation losses decide divergence, so a recorded epoch has them; only the test
            // loss may be absent (not finite: SplitMetrics).
            if (m.train().loss() == null) {
                throw new ResultFileException(file, "required field missing: epochs[" + i + "].train.loss");
            }
            if (m.validation() != null && m.validation().loss() == null) {
                throw new ResultFileException(file, "required field missing: epochs[" + i + "].validation.loss");
            }
        }
        if (r.status() == RunStatus.COMPLETED && r.chosenMetrics() == null) {
            throw new ResultFileException(file, "epochChoice.epoch " + r.epochChoice().epoch()
                    + " is not among the recorded epochs");
        }
    }
}
