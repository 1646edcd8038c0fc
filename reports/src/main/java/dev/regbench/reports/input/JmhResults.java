package dev.regbench.reports.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads JMH's JSON result format ({@code -rf json}). Throughput in examples per second comes from the
 * {@code examples} auxiliary counter when the benchmark has one, else from an ops/s score times the
 * {@code batchSize} parameter. The backend is read from a {@code -Dregbench.backend=...} JVM argument.
 * Files come from other people: anything JMH would not write — a file over {@link #MAX_BYTES}, a benchmark
 * without a name, parameters that are not text, a score that is not a finite non-negative number, two results
 * for one benchmark and parameter set — refuses the file with one message naming it and the entry.
 */
public final class JmhResults {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The largest JMH file read, in bytes (the whole benchmark's is about 100 kB). */
    public static final long MAX_BYTES = 16L << 20;

    private JmhResults() {
    }

    /**
     * @param file a JMH JSON file
     * @return its measurements
     * @throws InputException if it is unreadable, too large or not JMH JSON
     */
    public static List<ThroughputMeasurement> read(Path file) throws InputException {
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(String.format(Locale.ROOT, "%s: %,d bytes, more than the %,d a JMH result "
                        + "file may have; give the JMH JSON of regbench's benchmark", file, size, MAX_BYTES));
            }
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not a readable JMH JSON file (" + String.valueOf(e.getMessage())
                    .lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isArray()) {
            throw new InputException(file + ": not a JMH JSON file (expected an array of benchmark results)");
        }
        List<ThroughputMeasurement> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode b : root) {
            ThroughputMeasurement m = measurement(b, file + ": entry " + index++);
            if (!seen.add(m.benchmark() + "\u0000" + m.params() + "\u0000" + m.backend())) {
                throw new InputException(file + ": two results for " + m.benchmark() + " (" + m.params()
                        + "); JMH writes one per benchmark and parameter set");
            }
            out.add(m);
        }
        return out;
    }

    private static ThroughputMeasurement measurement(JsonNode b, String where) throws InputException {
        JsonNode primary = b.path("primaryMetric");
        if (!b.path("benchmark").isTextual() || b.get("benchmark").asText().isBlank() || !primary.isObject()) {
            throw new InputException(where + ": not a JMH result (no benchmark name or primaryMetric)");
        }
        String full = b.get("benchmark").asText();
        String[] parts = full.split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
        JsonNode params = b.path("params");
        if (!params.isMissingNode() && !params.isObject()) {
            throw new InputException(where + " (" + name + "): params is not an object");
        }
        List<String> pairs = new ArrayList<>();
        for (var it = params.fields(); it.hasNext(); ) {
            var f = it.next();
            if (!f.getValue().isTextual() || f.getValue().asText().isBlank() || f.getKey().isBlank()) {
                throw new InputException(where + " (" + name + "): parameter '" + f.getKey() + "' is not a "
                        + "non-empty text");
            }
            pairs.add(f.getKey() + "=" + f.getValue().asText());
        }
        int batch = 0;
        if (params.has("batchSize")) {
            try {
                batch = Integer.parseInt(params.get("batchSize").asText());
            } catch (NumberFormatException e) {
                batch = -1;
            }
            if (batch < 1) {
                throw new InputException(where + " (" + name + "): batchSize '" + params.get("batchSize").asText()
                        + "' is not a positive integer");
            }
        }
        String unit = primary.path("scoreUnit").asText("");
        double score = nonNegative(primary.path("score"), where + " (" + name + "): primaryMetric.score");
        // JMH writes "NaN" (text) as the error of a single iteration.
        double error = primary.path("scoreError").isNumber()
                ? nonNegative(primary.get("scoreError"), where + " (" + name + "): primaryMetric.scoreError")
                : Double.NaN;
        double examples = Double.NaN;
        JsonNode aux = b.path("secondaryMetrics").path("examples");
        if (aux.has("score") && aux.path("scoreUnit").asText("").equals("ops/s")) {
            examples = nonNegative(aux.get("score"), where + " (" + name + "): secondaryMetrics.examples.score");
        } else if (unit.equals("ops/s") && batch > 0) {
            examples = score * batch;
        } else if (unit.equals("ops/s") && name.startsWith("HarnessOverhead")) {
            examples = score; // @OperationsPerInvocation: one operation is one training example
        }
        if (Double.isInfinite(examples)) {
            throw new InputException(where + " (" + name + "): " + score + " ops/s × batch " + batch
                    + " examples overflows; not a measured throughput");
        }
        JsonNode gflop = b.path("secondaryMetrics").path("gflop");
        double gflops = gflop.has("score")
                ? nonNegative(gflop.get("score"), where + " (" + name + "): secondaryMetrics.gflop.score")
                : Double.NaN;
        return new ThroughputMeasurement(name, String.join(", ", pairs), params.path("task").asText("-"),
                params.path("regularizer").asText("-"), batch, backend(b), score, error, unit, examples, gflops);
    }

    /** @return the node's value if it is a finite number ≥ 0 */
    private static double nonNegative(JsonNode node, String what) throws InputException {
        double v = node.isNumber() ? node.asDouble() : Double.NaN;
        if (!(v >= 0) || Double.isInfinite(v)) {
            String shown = node.isNumber() ? node.asText() : node.toString();
            throw new InputException(what + " is " + shown.substring(0, Math.min(40, shown.length()))
                    + ", not a finite number >= 0");
        }
        return v;
    }

    private static String backend(JsonNode benchmark) {
        for (JsonNode arg : benchmark.path("jvmArgs")) {
            String a = arg.asText();
            if (a.startsWith("-Dregbench.backend=")) {
                return a.substring("-Dregbench.backend=".length());
            }
        }
        return "-";
    }
}
