package dev.regbench.reports.render;

import dev.regbench.reports.stats.Comparison;
import dev.regbench.reports.stats.CurvePoint;
import dev.regbench.reports.stats.DatasetReport;
import dev.regbench.reports.stats.DivergedRun;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A short plain-language reading of one section, generated from its numbers: whether the baseline overfits,
 * which regularizer closed the gap most, which had the best test performance, and whether the differences are
 * significant at α = 0.05 with the seeds available. Nothing here is boilerplate: every sentence depends on data.
 */
public final class Conclusion {
    /** Significance level of the per-comparison Welch tests (no correction for multiple comparisons). */
    public static final double ALPHA = 0.05;

    private Conclusion() {
    }

    /**
     * @param section a report section
     * @return sentences (plain text, Markdown-safe)
     */
    public static List<String> of(DatasetReport section) {
        List<String> out = new ArrayList<>();
        Metric perf = Metric.testPerformance(section.task());
        String perfName = perf == Metric.TEST_ERROR ? "test error" : "test MSE";
        String perfUnit = perf == Metric.TEST_ERROR ? " %" : "";
        Optional<RegularizerStats> base = section.baseline();
        List<RegularizerStats> withRuns = section.regularizers().stream().filter(r -> !r.completed().isEmpty()).toList();
        if (withRuns.isEmpty()) {
            out.add("No run completed, so there is nothing to compare.");
        }
        if (base.isPresent() && !base.get().completed().isEmpty()) {
            RegularizerStats none = base.get();
            int n = none.completed().size();
            out.add(String.format(Locale.ROOT, "Without regularization (%s) the final loss gap (test − train) is %s "
                            + "and the %s %s%s (%s).", none.name(),
                    Fmt.meanCi(none.summary(Metric.LOSS_GAP)), perfName, Fmt.meanCi(none.summary(perf)), perfUnit,
                    n == 1 ? "one seed" : "mean ± 95 % CI over " + n + " seeds"));
            overfitting(none).ifPresent(out::add);
        } else {
            out.add("There is no completed unregularized (kind: none) run to compare against.");
        }
        List<RegularizerStats> others = withRuns.stream().filter(r -> !r.regularizer().kind().equals("none")).toList();
        if (base.isPresent() && !base.get().completed().isEmpty() && !others.isEmpty()) {
            double baseGap = base.get().summary(Metric.LOSS_GAP).mean();
            RegularizerStats closest = others.stream()
                    .min(Comparator.comparingDouble(r -> r.summary(Metric.LOSS_GAP).mean())).orElseThrow();
            out.add(String.format(Locale.ROOT, "%s closed the gap most: %s (%s vs %s)%s.", closest.name(),
                    Fmt.num(closest.summary(Metric.LOSS_GAP).mean()),
                    Fmt.relative(closest.summary(Metric.LOSS_GAP).mean(), baseGap), base.get().name(),
                    significance(closest.comparison(Metric.LOSS_GAP))));
            for (RegularizerStats r : others) {
                if (r == closest) {
                    continue;
                }
                out.add(String.format(Locale.ROOT, "%s: gap %s (%s)%s.", r.name(), Fmt.num(r.summary(Metric.LOSS_GAP).mean()),
                        Fmt.relative(r.summary(Metric.LOSS_GAP).mean(), baseGap), significance(r.comparison(Metric.LOSS_GAP))));
            }
            RegularizerStats best = withRuns.stream().min(Comparator.comparingDouble(r -> r.summary(perf).mean()))
                    .orElseThrow();
            String vs = best.regularizer().kind().equals("none") ? " — no regularizer beat the baseline on it"
                    : String.format(Locale.ROOT, " vs %s%s for %s%s", Fmt.num(base.get().summary(perf).mean()), perfUnit,
                    base.get().name(), significance(best.comparison(perf)));
            out.add(String.format(Locale.ROOT, "Lowest final %s: %s with %s%s%s.", perfName, best.name(),
                    Fmt.num(best.summary(perf).mean()), perfUnit, vs));
            boolean anyTest = others.stream().flatMap(r -> r.vsBaseline().stream()).anyMatch(Comparison::tested);
            if (!anyTest) {
                out.add("With one seed per regularizer no significance test is possible; run at least 2 seeds "
                        + "(3 or more for useful intervals).");
            }
        }
        List<String> diverged = new ArrayList<>();
        for (RegularizerStats r : section.regularizers()) {
            for (DivergedRun d : r.diverged()) {
                diverged.add(String.format(Locale.ROOT, "%s seed %d (epoch %d)", r.name(), d.seed(), d.epoch()));
            }
        }
        if (!diverged.isEmpty()) {
            out.add(String.format(Locale.ROOT, "%d run%s diverged and %s excluded from every number: %s.", diverged.size(),
                    diverged.size() == 1 ? "" : "s", diverged.size() == 1 ? "is" : "are", String.join(", ", diverged)));
        }
        return out;
    }

    private static Optional<String> overfitting(RegularizerStats none) {
        List<CurvePoint> curve = none.curve();
        if (curve.size() < 3) {
            return Optional.empty();
        }
        CurvePoint best = curve.stream().min(Comparator.comparingDouble(p -> p.test().mean())).orElseThrow();
        CurvePoint last = curve.get(curve.size() - 1);
        CurvePoint first = curve.get(0);
        if (best.epoch() < last.epoch() && last.test().mean() > 1.02 * best.test().mean()
                && last.train().mean() < best.train().mean()) {
            return Optional.of(String.format(Locale.ROOT, "It overfits: its mean test loss is lowest after epoch %d "
                            + "(%s) and rises to %s by epoch %d while its training loss keeps falling (%s → %s).",
                    best.epoch(), Fmt.num(best.test().mean()), Fmt.num(last.test().mean()), last.epoch(),
                    Fmt.num(best.train().mean()), Fmt.num(last.train().mean())));
        }
        if (last.test().mean() < first.test().mean() && best.epoch() == last.epoch()) {
            return Optional.of(String.format(Locale.ROOT, "Its mean test loss is still falling at epoch %d: train "
                    + "longer to see it overfit.", last.epoch()));
        }
        return Optional.empty();
    }

    private static String significance(Optional<Comparison> comparison) {
        if (comparison.isEmpty()) {
            return "";
        }
        Comparison c = comparison.get();
        if (!c.tested()) {
            return "; " + c.note();
        }
        String p = Fmt.p(c.pValue());
        return String.format(Locale.ROOT, "; difference %s [%s, %s], p %s (Welch, n = %d vs %d): %s",
                Fmt.num(c.difference()), Fmt.num(c.ciLow()), Fmt.num(c.ciHigh()), p.startsWith("<") ? "< 0.001" : "= " + p, c.n(),
                c.nBaseline(), c.pValue() < ALPHA ? "significant at α = 0.05" : "not significant at α = 0.05");
    }
}
