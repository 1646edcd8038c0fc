package dev.regbench.reports.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JMH's JSON result format ({@code -rf json}). Throughput in examples per second comes from the
 * {@code examples} auxiliary counter when the benchmark has one, else from an ops/s score times the
 * {@code batchSize} parameter. The backend is read from a {@code -Dregbench.backend=...} JVM argument.
 */
public final class JmhResults {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhResults() {
    }

    /**
     * @param file a JMH JSON file
     * @return its measurements
     * @throws InputException if it is unreadable or not JMH JSON
     */
    public static List<ThroughputMeasurement> read(Path file) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not a readable JMH JSON file (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        if (root == null || !root.isArray()) {
            throw new InputException(file + ": not a JMH JSON file (expected an array of benchmark results)");
        }
        List<ThroughputMeasurement> out = new ArrayList<>();
        for (JsonNode b : root) {
            JsonNode primary = b.path("primaryMetric");
            if (!b.hasNonNull("benchmark") || !primary.has("score")) {
                throw new InputException(file + ": not a JMH JSON file (entry without benchmark/primaryMetric)");
            }
            String[] parts = b.get("benchmark").asText().split("\\.");
            String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1]
                    : b.get("benchmark").asText();
            JsonNode params = b.path("params");
            int batch = params.has("batchSize") ? params.get("batchSize").asInt() : 0;
            String unit = primary.path("scoreUnit").asText("");
            double score = primary.get("score").asDouble();
            double error = primary.path("scoreError").isNumber() ? primary.get("scoreError").asDouble() : Double.NaN;
            double examples = Double.NaN;
            JsonNode aux = b.path("secondaryMetrics").path("examples");
            if (aux.has("score") && aux.path("scoreUnit").asText("").equals("ops/s")) {
                examples = aux.get("score").asDouble();
            } else if (unit.equals("ops/s") && batch > 0) {
                examples = score * batch;
            } else if (unit.equals("ops/s") && name.startsWith("HarnessOverhead")) {
                examples = score; // @OperationsPerInvocation: one operation is one training example
            }
            JsonNode gflop = b.path("secondaryMetrics").path("gflop");
            java.util.List<String> pairs = new java.util.ArrayList<>();
            params.fields().forEachRemaining(f -> pairs.add(f.getKey() + "=" + f.getValue().asText()));
            out.add(new ThroughputMeasurement(name, String.join(", ", pairs), params.path("task").asText("-"),
                    params.path("regularizer").asText("-"), batch, backend(b), score,
                    Double.isNaN(error) ? Double.NaN : error, unit, examples,
                    gflop.has("score") ? gflop.get("score").asDouble() : Double.NaN));
        }
        return out;
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
