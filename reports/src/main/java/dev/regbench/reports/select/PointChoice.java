package dev.regbench.reports.select;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The selection for one regularizer: every grid point's score and the one chosen.
 *
 * @param policy the metric and epoch rule
 * @param scores every grid point's score, in grid order (ascending by parameter values)
 * @param chosen the chosen point; empty if no point is eligible (every point had a diverged run)
 */
public record PointChoice(SelectionPolicy policy, List<PointScore> scores, Optional<Map<String, Double>> chosen) {

    /** @return the chosen point's score, if a point was chosen */
    public Optional<PointScore> chosenScore() {
        return chosen.flatMap(c -> scores.stream().filter(s -> s.point().equals(c)).findFirst());
    }
}
