package dev.regbench.suites.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A position in a parsed suite file: typed accessors that fail with {@link SuiteException} naming the file,
 * the field path and the problem (unknown key, wrong type, out of range).
 */
final class YamlNode {
    private final Path file;
    private final String path;
    private final JsonNode node;

    private YamlNode(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static YamlNode root(Path file, JsonNode node) throws SuiteException {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new SuiteException(file, "", "the file is empty; see suites/README.md for the keys");
        }
        YamlNode root = new YamlNode(file, "", node);
        root.requireObject();
        return root;
    }

    String path() {
        return path;
    }

    SuiteException error(String problem) {
        return new SuiteException(file, path, problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void requireObject() throws SuiteException {
        if (!node.isObject()) {
            throw error("expected a mapping of keys to values, found " + describe(node));
        }
    }

    /** @return one problem per key not in {@code known} (a misspelt key is never silently ignored) */
    List<SuiteException> unknownKeys(Set<String> known) {
        List<SuiteException> problems = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(new SuiteException(file, child(key), "unknown key (known here: "
                        + String.join(", ", new TreeSet<>(known)) + ")"));
            }
        }
        return problems;
    }

    /** @return the keys of this mapping, in the file's order */
    List<String> keys() throws SuiteException {
        requireObject();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** @return whether this node is a range mapping ({@code logspace} or {@code linspace}) */
    boolean isRange() {
        return node.isObject() && (node.has("logspace") || node.has("linspace"));
    }

    /**
     * A parameter's values: a number, a list of numbers, or a range {@code {logspace: [a, b], points: n}} /
     * {@code {linspace: [a, b], points: n}}.
     */
    Sweep sweep() throws SuiteException {
        try {
            if (node.isArray()) {
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) {
                    values.add(new YamlNode(file, path + "[" + i + "]", node.get(i)).asDouble());
                }
                if (values.isEmpty()) {
                    throw error("an empty list has no value to run (give at least one)");
                }
                return Sweep.list(values);
            }
            if (node.isObject()) {
                boolean log = node.has("logspace");
                if (log == node.has("linspace")) {
                    throw error("a range is {logspace: [from, to], points: n} or {linspace: [from, to], points: n}");
                }
                String scale = log ? "logspace" : "linspace";
                List<SuiteException> unknown = unknownKeys(Set.of(scale, "points", "extendAtEdge"));
                if (!unknown.isEmpty()) {
                    throw unknown.get(0);
                }
                List<YamlNode> bounds = list(scale);
                if (bounds.size() != 2) {
                    throw get(scale).error("expected two bounds [from, to], found " + bounds.size());
                }
                double from = bounds.get(0).asDouble();
                double to = bounds.get(1).asDouble();
                int points = integer("points", Integer.MIN_VALUE, 10_000);
                Sweep range = log ? Sweep.logspace(from, to, points) : Sweep.linspace(from, to, points);
                return has("extendAtEdge") ? range.extendable(integer("extendAtEdge", 1, 100)) : range;
            }
            return Sweep.of(asDouble());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** @return whether the key is written, even without a value ({@code key: null} or {@code key:}) */
    boolean present(String key) {
        return node.get(key) != null;
    }

    YamlNode get(String key) throws SuiteException {
        JsonNode v = node.get(key);
        if (v != null && v.isNull()) {
            throw new SuiteException(file, child(key), "has no value (give one or remove the key)");
        }
        if (v == null) {
            throw new SuiteException(file, child(key), "required key is missing");
        }
        return new YamlNode(file, child(key), v);
    }

    YamlNode object(String key) throws SuiteException {
        YamlNode n = get(key);
        n.requireObject();
        return n;
    }

    List<YamlNode> list(String key) throws SuiteException {
        YamlNode n = get(key);
        if (!n.node.isArray()) {
            throw n.error("expected a list, found " + describe(n.node));
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < n.node.size(); i++) {
            items.add(new YamlNode(file, n.path + "[" + i + "]", n.node.get(i)));
        }
        return items;
    }

    YamlNode asObject() throws SuiteException {
        requireObject();
        return this;
    }

    String string(String key) throws SuiteException {
        return get(key).asString();
    }

    String string(String key, String fallback) throws SuiteException {
        return has(key) ? string(key) : fallback;
    }

    String asString() throws SuiteException {
        if (!node.isTextual()) {
            throw error("expected text, found " + describe(node));
        }
        return node.textValue();
    }

    long asLong() throws SuiteException {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().strip());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw error("expected an integer, found " + describe(node));
    }

    int integer(String key, int min, int max) throws SuiteException {
        return get(key).asInt(min, max);
    }

    int integer(String key, int min, int max, int fallback) throws SuiteException {
        return has(key) ? integer(key, min, max) : fallback;
    }

    int asInt(int min, int max) throws SuiteException {
        long v = asLong();
        if (v < min || v > max) {
            throw error(String.format(Locale.ROOT, "must be in [%d, %d], was %d", min, max, v));
        }
        return (int) v;
    }

    double number(String key) throws SuiteException {
        return get(key).asDouble();
    }

    double number(String key, double fallback) throws SuiteException {
        return has(key) ? number(key) : fallback;
    }

    /** Numbers; also YAML 1.1 plain scalars such as {@code 1e-5} that the parser leaves as text. */
    double asDouble() throws SuiteException {
        if (node.isNumber()) {
            double v = node.doubleValue();
            if (Double.isFinite(v)) {
                return v;
            }
            throw error("expected a finite number, found " + node.asText());
        }
        if (node.isTextual()) {
            try {
                double v = Double.parseDouble(node.textValue().strip());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw error("expected a number, found " + describe(node));
    }

    boolean bool(String key, boolean fallback) throws SuiteException {
        if (!has(key)) {
            return fallback;
        }
        YamlNode n = get(key);
        if (!n.node.isBoolean()) {
            throw n.error("expected true or false, found " + describe(n.node));
        }
        return n.node.booleanValue();
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "text \"" + n.textValue() + "\"";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isBoolean()) {
            return "boolean " + n.booleanValue();
        }
        if (n.isNumber()) {
            return "number " + n.numberValue();
        }
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
