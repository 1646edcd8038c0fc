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
     * The swept parameters whose chosen value is the smallest or largest of their grid: the optimum may lie beyond
     * it, so the grid should be widened (or extended with {@code extendAtEdge}). A 2-value axis always counts —
     * nothing shows that its choice is interior.
     *
     * @return per parameter at an edge, e.g. {@code lambda = 1e-3 (largest of 3)}; empty if interior or unchosen
     */
    public List<String> atEdge() {
        if (chosen.isEmpty()) {
            return List.of();
        }
        Map<String, java.util.TreeSet<Double>> axes = new java.util.TreeMap<>();
        scores.forEach(x -> x.point().forEach((k, v) -> axes.computeIfAbsent(k, q -> new java.util.TreeSet<>()).add(v)));
        List<String> out = new java.util.ArrayList<>();
        axes.forEach((k, values) -> {
            Double v = chosen.get().get(k);
            if (values.size() < 2 || v == null) {
                return;
            }
            if (v.equals(values.first()) || v.equals(values.last())) {
                out.add(k + " = " + compact(v) + " (" + (v.equals(values.first()) ? "smallest" : "largest") + " of "
                        + values.size() + ")");
            }
        });
        return out;
    }

    private static String compact(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toString()
                .replace("E", "e").replace("e+", "e");
    }

    /** @return the chosen point's score, if a point was chosen */
    public Optional<PointScore> chosenScore() {
        return chosen.flatMap(c -> scores.stream().filter(s -> s.point().equals(c)).findFirst());
    }
}
