package dev.regbench.sweep;

import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.harness.RunKey;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run as a Spark task carries it: names and numbers only (a few hundred bytes), resolved against the suite
 * on the executor.
 *
 * @param stage        the stage
 * @param trainSize    the condition's training-set size, ≥ 1
 * @param labelNoise   the condition's label-noise fraction, in [0, 1]
 * @param variant      the regularizer's name in the suite
 * @param swept        its swept parameters' values (empty if nothing is swept)
 * @param seed         the run seed
 * @param relativePath where its result goes under {@code <out>/runs/}
 */
public record TaskKey(Stage stage, int trainSize, double labelNoise, String variant, Map<String, Double> swept,
                      long seed, String relativePath) implements Serializable {
    /** Copies the swept values into a serializable map that keeps their order. */
    public TaskKey {
        swept = new LinkedHashMap<>(swept);
    }

    /**
     * @param key          a run of the plan
     * @param relativePath its result path
     * @return the run as a task carries it
     */
    public static TaskKey of(RunKey key, String relativePath) {
        return new TaskKey(key.stage(), key.condition().trainSize(), key.condition().labelNoise(),
                key.point().variant().name(), key.point().swept(), key.seed(), relativePath);
    }

    /**
     * @param suite the suite, parsed on the executor from the same bytes and overrides as on the driver
     * @return the run
     * @throws IllegalArgumentException if the suite has no such regularizer or grid point (a driver and an
     *                                  executor that disagree about the suite)
     */
    public RunKey resolve(Suite suite) {
        Variant v = suite.variants().stream().filter(r -> r.name().equals(variant)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("suite '" + suite.name() + "' has no regularizer '" + variant + "'"));
        return new RunKey(stage, new DataCondition(trainSize, labelNoise), v.pointAt(swept), seed);
    }
}
