package dev.regbench.reports.select;

import dev.regbench.reports.stats.Summary;
import java.util.List;
import java.util.Map;

/**
 * One grid point's validation score over the tuning seeds.
 *
 * @param point    the swept parameters
 * @param summary  mean, sd and 95 % CI of the validation metric (at each run's chosen epoch) over the
 *                 completed tuning runs
 * @param diverged tuning runs of this point that diverged (a point with any is never chosen)
 * @param seeds    per completed tuning run: seed, chosen epoch and metric value
 * @param unstable completed tuning runs of this point flagged unstable (such a point is chosen only when every
 *                 eligible point has one)
 */
public record PointScore(Map<String, Double> point, Summary summary, int diverged, List<SeedScore> seeds,
                         int unstable) {

    /**
     * One tuning run's contribution.
     *
     * @param seed  the run's seed
     * @param epoch its epoch chosen on validation
     * @param value the validation metric there
     */
    public record SeedScore(long seed, int epoch, double value) {
    }

    /** @return whether the point can be chosen: at least one completed run and none diverged */
    public boolean eligible() {
        return diverged == 0 && summary.n() > 0;
    }

    /** @return whether the point is eligible and none of its tuning runs is flagged unstable */
    public boolean stable() {
        return eligible() && unstable == 0;
    }
}
