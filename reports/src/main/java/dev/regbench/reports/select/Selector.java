package dev.regbench.reports.select;

import dev.regbench.reports.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a regularizer's grid point on the tuning seeds (DeepOBS, AlgoPerf): for every point, the validation
 * metric at each run's epoch chosen on validation, averaged over the tuning seeds; the point with the lowest mean
 * wins. A point with a diverged tuning run is never chosen; a point with a tuning run flagged unstable (its training
 * loss rose markedly: {@link dev.regbench.reports.schema.Instability}) only when every eligible point has one — a
 * configuration whose numbers depend on where an oscillation stopped is not a choice to report when a stable one
 * exists. Both rules read training and validation data only. Ties go to the point that sorts first by its
 * parameter values (in key order), so the choice does not depend on the order the runs are given in. Reads runs
 * only through {@link TuningRun}: it cannot see a test metric.
 */
public final class Selector {
    private Selector() {
    }

    /**
     * @param policy the metric and epoch rule
     * @param runs   every tuning run of one regularizer (one training-set size), any order
     * @return every point's score and the chosen point
     */
    public static PointChoice choose(SelectionPolicy policy, List<TuningRun> runs) {
        Map<Map<String, Double>, List<TuningRun>> byPoint = new LinkedHashMap<>();
        for (TuningRun r : runs) {
            byPoint.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
        }
        List<PointScore> scores = new ArrayList<>();
        for (Map.Entry<Map<String, Double>, List<TuningRun>> e : byPoint.entrySet()) {
            List<PointScore.SeedScore> seeds = new ArrayList<>();
            int diverged = 0;
            int unstable = 0;
            for (TuningRun r : e.getValue().stream().sorted(Comparator.comparingLong(TuningRun::seed)).toList()) {
                if (r.diverged()) {
                    diverged++;
                } else {
                    unstable += r.unstable() ? 1 : 0;
                    seeds.add(new PointScore.SeedScore(r.seed(), policy.chooseEpoch(r.curve()),
                            policy.valueAtChosenEpoch(r.curve())));
                }
            }
            scores.add(new PointScore(e.getKey(),
                    Summary.of(seeds.stream().mapToDouble(PointScore.SeedScore::value).toArray()), diverged,
                    List.copyOf(seeds), unstable));
        }
        scores.sort(Selector::gridOrder);
        Optional<Map<String, Double>> chosen = PointChoice.candidates(scores).stream()
                .min(Comparator.comparingDouble((PointScore s) -> s.summary().mean()).thenComparing(Selector::gridOrder))
                .map(PointScore::point);
        return new PointChoice(policy, List.copyOf(scores), chosen);
    }

    private static int gridOrder(PointScore a, PointScore b) {
        List<String> keys = new ArrayList<>(a.point().keySet());
        keys.sort(null);
        for (String k : keys) {
            int c = Double.compare(a.point().getOrDefault(k, 0.0), b.point().getOrDefault(k, 0.0));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
