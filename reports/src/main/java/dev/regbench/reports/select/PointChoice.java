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

    /**
     * A swept parameter chosen at the end of its grid.
     *
     * @param parameter the parameter, as suite files key it (e.g. {@code lambda})
     * @param value     the chosen value
     * @param smallest  true at the grid's smallest value, false at its largest
     * @param gridSize  the values the grid tried (≥ 2)
     */
    public record Edge(String parameter, double value, boolean smallest, int gridSize) {
    }

    /**
     * The swept parameters whose chosen value is the smallest or largest of their grid: the optimum may lie beyond
     * it, so the grid should be widened (or extended with {@code extendAtEdge}). A 2-value axis always counts —
     * nothing shows that its choice is interior.
     *
     * @return the parameters at an edge; empty if every choice is interior or nothing was chosen
     */
    public List<Edge> atEdge() {
        if (chosen.isEmpty()) {
            return List.of();
        }
        Map<String, java.util.TreeSet<Double>> axes = new java.util.TreeMap<>();
        scores.forEach(x -> x.point().forEach((k, v) -> axes.computeIfAbsent(k, q -> new java.util.TreeSet<>()).add(v)));
        List<Edge> out = new java.util.ArrayList<>();
        axes.forEach((k, values) -> {
            Double v = chosen.get().get(k);
            if (values.size() < 2 || v == null) {
                return;
            }
            if (v.equals(values.first()) || v.equals(values.last())) {
                out.add(new Edge(k, v, v.equals(values.first()), values.size()));
            }
        });
        return out;
    }

    /**
     * @param scores every grid point's score
     * @return the points the selector may choose from: the stable ones, or the eligible ones when none is stable
     */
    public static List<PointScore> candidates(List<PointScore> scores) {
        boolean anyStable = scores.stream().anyMatch(PointScore::stable);
        return scores.stream().filter(anyStable ? PointScore::stable : PointScore::eligible).toList();
    }

    /** @return whether the choice was made among unstable points only (every eligible point had a flagged run) */
    public boolean chosenUnstable() {
        return chosenScore().map(s -> s.unstable() > 0).orElse(false);
    }

    /** @return the chosen point's score, if a point was chosen */
    public Optional<PointScore> chosenScore() {
        return chosen.flatMap(c -> scores.stream().filter(s -> s.point().equals(c)).findFirst());
    }
}
