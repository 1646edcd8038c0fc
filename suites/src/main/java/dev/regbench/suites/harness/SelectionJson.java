package dev.regbench.suites.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.schema.Stage;
import dev.regbench.reports.select.PointChoice;
import dev.regbench.reports.select.PointScore;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <out>/selection.json}: what the tuning stage chose for each regularizer (and training-set size), with
 * the validation numbers behind it — every grid point's mean, sd and 95 % CI of the validation metric over the
 * tuning seeds, and each tuning run's chosen epoch and value. NaN becomes null.
 */
final class SelectionJson {
    /** Version of this file's layout. */
    static final int VERSION = 1;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SelectionJson() {
    }

    static String render(Suite suite, Map<dev.regbench.suites.suite.DataCondition, Map<String, PointChoice>> selection,
                         Map<dev.regbench.suites.suite.DataCondition, Map<String, Variant>> grids) {
        ObjectNode root = F.objectNode();
        root.put("selectionVersion", VERSION);
        root.put("suite", suite.name());
        ObjectNode policy = root.putObject("policy");
        policy.put("metric", suite.selection().metric().id());
        policy.put("epoch", suite.selection().rule().id());
        if (suite.selection().patience() != null) {
            policy.put("patience", suite.selection().patience());
        }
        policy.put("description", suite.selection().describe());
        suite.seeds().seeds(Stage.TUNE).forEach(root.putArray("tuneSeeds")::add);
        suite.seeds().seeds(Stage.EVAL).forEach(root.putArray("evalSeeds")::add);
        root.put("note", "Chosen on the tuning runs' validation metrics only (test metrics are never read); the "
                + "chosen point of each regularizer is re-trained on the evaluation seeds.");
        ArrayNode choices = root.putArray("choices");
        selection.forEach((condition, byVariant) -> {
            for (Variant base : suite.variants()) {
                Variant v = grids.getOrDefault(condition, Map.of()).getOrDefault(base.name(), base);
                PointChoice c = byVariant.get(v.name());
                if (c == null) {
                    continue;
                }
                ObjectNode o = choices.addObject();
                o.put("trainSize", condition.trainSize());
                if (condition.labelNoise() > 0) {
                    o.put("labelNoise", condition.labelNoise());
                }
                o.put("regularizer", v.name());
                o.put("kind", v.kind().id());
                ObjectNode grid = o.putObject("grid");
                v.axes().forEach((k, s) -> s.values().forEach(grid.withArray(k)::add));
                ObjectNode extended = o.putObject("extended");
                v.axes().forEach((k, s) -> s.values().stream().filter(x -> !base.axes().get(k).values().contains(x))
                        .forEach(extended.withArray(k)::add));
                ArrayNode points = o.putArray("points");
                for (PointScore s : c.scores()) {
                    ObjectNode p = points.addObject();
                    point(p.putObject("point"), s.point());
                    p.put("n", s.summary().n());
                    p.put("diverged", s.diverged());
                    p.put("unstable", s.unstable());
                    number(p, "mean", s.summary().mean());
                    number(p, "sd", s.summary().sd());
                    number(p, "ciLow", s.summary().ciLow());
                    number(p, "ciHigh", s.summary().ciHigh());
                    ArrayNode runs = p.putArray("runs");
                    for (PointScore.SeedScore r : s.seeds()) {
                        ObjectNode run = runs.addObject();
                        run.put("seed", r.seed());
                        run.put("epoch", r.epoch());
                        number(run, "value", r.value());
                    }
                }
                Optional<dev.regbench.suites.suite.Point> chosen = SuiteRunner.chosen(v, c);
                if (chosen.isPresent()) {
                    point(o.putObject("chosen"), chosen.get().swept());
                    ArrayNode edge = o.putArray("atEdge");
                    chosen.get().swept().forEach((k, x) -> {
                        List<Double> values = v.axes().get(k).values();
                        if (x == values.stream().mapToDouble(Double::doubleValue).min().orElseThrow()
                                || x == values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()) {
                            edge.add(k);
                        }
                    });
                    point(o.putObject("evaluated"), chosen.get().values());
                } else {
                    o.putNull("chosen");
                    o.put("why", "every grid point had a diverged tuning run: nothing to evaluate");
                }
            }
        });
        try {
            return RunResultFiles.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys in alphabetical order: the same file whether the results were in memory or read back (resume, sweeps). */
    private static void point(ObjectNode o, Map<String, Double> values) {
        new java.util.TreeMap<>(values).forEach(o::put);
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
