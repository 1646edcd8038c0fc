package dev.regbench.reports.select;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import java.util.Map;

/**
 * What the selector may know about one tuning run: its grid point, its seed, its validation curve (absent if it
 * diverged) and whether its training loss rose markedly ({@link dev.regbench.reports.schema.Instability}, decided
 * on training loss alone). Nothing else of the run is copied — in particular no test metric.
 *
 * @param point    the swept parameters of its grid point
 * @param seed     its seed
 * @param curve    its validation curve; null if the run diverged
 * @param unstable whether the run is flagged unstable
 */
public record TuningRun(Map<String, Double> point, long seed, ValidationCurve curve, boolean unstable) {
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
        boolean completed = run.status() == RunStatus.COMPLETED;
        return new TuningRun(run.point(), run.seed(), completed ? ValidationCurve.of(run.epochs()) : null,
                completed && run.unstable().isPresent());
    }

    /** @return true if the run diverged */
    public boolean diverged() {
        return curve == null;
    }
}
