package dev.regbench.reports.select;

import dev.regbench.reports.schema.EpochChoice;
import dev.regbench.reports.schema.EpochRule;
import dev.regbench.reports.schema.SelectionMetric;
import java.util.Objects;

/**
 * How a suite chooses, on validation metrics only: the metric minimized and the rule that picks the epoch of
 * each run whose metrics count. Grid points are then compared by the mean of that metric, at each run's chosen
 * epoch, over the tuning seeds.
 *
 * @param metric   validation loss (default) or validation error
 * @param rule     final epoch (default), best epoch, or early stopping with patience
 * @param patience for {@link EpochRule#PATIENCE}: evaluations without improvement before stopping, ≥ 1 (epochs,
 *                 when every epoch is evaluated); else null
 */
public record SelectionPolicy(SelectionMetric metric, EpochRule rule, Integer patience) {
    /** The default: validation loss, final epoch. */
    public static final SelectionPolicy DEFAULT = new SelectionPolicy(SelectionMetric.VALIDATION_LOSS, EpochRule.FINAL,
            null);

    /** Validates the patience. */
    public SelectionPolicy {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
        if (rule == EpochRule.PATIENCE && (patience == null || patience < 1)) {
            throw new IllegalArgumentException("patience must be an integer >= 1 with epoch: patience, was " + patience);
        }
        if (rule != EpochRule.PATIENCE && patience != null) {
            throw new IllegalArgumentException("patience is only for epoch: patience (the rule here is "
                    + rule.id() + ")");
        }
    }

    /**
     * @param curve a run's validation curve, epoch 0 first, non-empty
     * @return the epoch whose metrics count: the last one ({@code final}); the one with the lowest metric, the
     *         earliest on ties ({@code best}); or the best one seen before the metric failed to improve (strictly
     *         decrease) for {@code patience} consecutive evaluations ({@code patience})
     */
    public int chooseEpoch(ValidationCurve curve) {
        var points = curve.points();
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a validation curve needs at least one epoch");
        }
        if (rule == EpochRule.FINAL) {
            return points.get(points.size() - 1).epoch();
        }
        int best = 0;
        double bestValue = metric.of(points.get(0).metrics());
        int sinceImprovement = 0;
        for (int i = 1; i < points.size(); i++) {
            double v = metric.of(points.get(i).metrics());
            if (v < bestValue) {
                best = i;
                bestValue = v;
                sinceImprovement = 0;
            } else if (rule == EpochRule.PATIENCE && ++sinceImprovement >= patience) {
                break;
            }
        }
        return points.get(best).epoch();
    }

    /** @return the chosen epoch as recorded in a result file */
    public EpochChoice choice(ValidationCurve curve) {
        return new EpochChoice(rule, metric, patience, chooseEpoch(curve));
    }

    /** @return the policy a recorded choice was made with */
    public static SelectionPolicy of(EpochChoice choice) {
        return new SelectionPolicy(choice.metric(), choice.rule(), choice.patience());
    }

    /** @return e.g. {@code validation loss, best epoch} or {@code validation error, early stopping (patience 5)} */
    public String describe() {
        String m = metric == SelectionMetric.VALIDATION_LOSS ? "validation loss" : "validation error";
        return switch (rule) {
            case FINAL -> m + " at the final epoch";
            case BEST -> m + " at each run's best validation epoch";
            case PATIENCE -> m + " with early stopping (patience " + patience + ")";
        };
    }

    /**
     * @param curve a run's validation curve
     * @return the metric's value at the chosen epoch
     */
    public double valueAtChosenEpoch(ValidationCurve curve) {
        int epoch = chooseEpoch(curve);
        return curve.points().stream().filter(p -> p.epoch() == epoch).findFirst()
                .map(p -> metric.of(p.metrics())).orElseThrow();
    }
}
