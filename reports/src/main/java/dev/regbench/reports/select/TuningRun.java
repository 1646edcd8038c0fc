package dev.regbench.reports.select;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import java.util.Map;

/**
 * What the selector may know about one tuning run: its grid point, its seed, and its validation curve (absent if
 * it diverged). Nothing else of the run is copied — in particular no test metric.
 *
 * @param point the swept parameters of its grid point
 * @param seed  its seed
 * @param curve its validation curve; null if the run diverged
 */
public record TuningRun(Map<String, Double> point, long seed, ValidationCurve curve) {
    /**
     * Copies the point, keeping its order (the result file's): {@code Map.copyOf} iterates in an order that changes
     * from one JVM to the next, which made the report print a chosen point's values in a different order each
     * time it was rendered from the same runs.
     */
    public TuningRun {
        point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
    }

    /**
     * @param run a tuning run's result
     * @return its validation-only view
     */
    public static TuningRun of(RunResult run) {
        return new TuningRun(run.point(), run.seed(),
                run.status() == RunStatus.COMPLETED ? ValidationCurve.of(run.epochs()) : null);
    }

    /** @return true if the run diverged */
    public boolean diverged() {
        return curve == null;
    }
}
