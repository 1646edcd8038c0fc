package dev.regbench.reports.render;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Comparison;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.CurvePoint;
import dev.regbench.reports.stats.DivergedRun;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A plain-language reading of one training-set size of a section, generated from its numbers. It says how the
 * settings were chosen, leads with test performance, calls a regularizer better only when its test performance
 * is significantly better than none's after Holm's correction, and never credits a smaller generalization gap
 * on its own: a smaller gap that comes with no better test performance is called what it is, and one that comes
 * mostly from a higher training loss says so.
 */
public final class Conclusion {
    /** Significance level, applied to Holm-adjusted p-values. */
    public static final double ALPHA = Comparison.ALPHA;

    private Conclusion() {
    }

    /**
     * @param section   a report section
     * @param condition one of its training-set sizes
     * @return sentences (plain text, Markdown-safe)
     */
    public static List<String> of(Section section, Condition condition) {
        List<String> out = new ArrayList<>();
        boolean cls = section.task() == TaskType.CLASSIFICATION;
        Metric perf = Metric.testPerformance(section.task());
        String perfName = cls ? "test error" : "test MSE";
        String unit = cls ? " %" : "";
        String diffUnit = cls ? " pp" : "";
        out.add(protocol(section, condition));
        if (section.protocol() == Section.Protocol.EXPLORATORY) {
            return out;
        }
        Optional<RegularizerStats> base = condition.baseline().filter(b -> !b.completed().isEmpty());
        if (base.isEmpty()) {
            out.add("There is no completed unregularized (kind: none) run to compare against.");
            diverged(condition, out);
            return out;
        }
        RegularizerStats none = base.get();
        int n = none.completed().size();
        out.add(String.format(Locale.ROOT, "Without regularization (%s) the %s is %s%s, with a loss gap (test − train) of "
                        + "%s (training loss %s, test loss %s; %s).", none.name(), perfName,
                Fmt.meanCi(none.summary(perf)), unit, Fmt.meanCi(none.summary(Metric.LOSS_GAP)),
                Fmt.num(none.summary(Metric.TRAIN_LOSS).mean()), Fmt.num(none.summary(Metric.TEST_LOSS).mean()),
                n == 1 ? "one seed" : "mean ± 95 % CI over " + n + " seeds"));
        overfitting(none).ifPresent(out::add);
        if (cls && condition.labelNoise() > 0) {
            out.add(memorization(condition, none));
        }
        List<RegularizerStats> others = condition.headline().stream()
                .filter(r -> !r.isBaseline() && !r.completed().isEmpty())
                .sorted(Comparator.comparingDouble(r -> r.summary(perf).mean())).toList();
        for (RegularizerStats r : others) {
            out.add(regularizer(r, none, perf, perfName, unit, diffUnit)
                    + flags(r, Optional.ofNullable(condition.selection().get(r.name()))));
        }
        if (!others.isEmpty()) {
            out.add(verdict(others, perf, perfName, unit));
        }
        diverged(condition, out);
        return out;
    }

    private static String protocol(Section section, Condition condition) {
        String seeds = condition.headline().stream().flatMap(r -> r.completed().stream()).map(x -> x.seed())
                .distinct().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        return switch (section.protocol()) {
            case TWO_STAGE -> "Each regularizer's setting was chosen on " + section.policy().describe()
                    + " over tuning seed" + (condition.tuneSeeds().size() == 1 ? " " : "s ")
                    + condition.tuneSeeds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "; every number below comes from evaluation seeds " + seeds
                    + ", which took no part in that choice.";
            case FIXED -> "Settings are fixed by the suite file: nothing was chosen on validation data, so these "
                    + "numbers show the settings as given, not each regularizer at its best.";
            case EXPLORATORY -> "Exploratory suite: the grid ran on one set of seeds without selection"
                    + (condition.paths().stream().allMatch(p -> p.points().stream()
                    .allMatch(q -> q.validationLoss().n() == 0)) ? " (it has no validation set, so no selection was "
                    + "possible)" : "") + "; there are no headline comparisons, only the regularization paths.";
        };
    }

    private static String regularizer(RegularizerStats r, RegularizerStats none, Metric perf, String perfName,
                                      String unit, String diffUnit) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s (%s): %s %s%s", r.name(), Fmt.settings(r.regularizer(), r.point()), perfName,
                Fmt.meanCi(r.summary(perf)), unit));
        Optional<Comparison> cp = r.comparison(perf);
        boolean better = cp.map(c -> significant(c) && c.difference() < 0).orElse(false);
        if (cp.isPresent()) {
            Comparison c = cp.get();
            if (!c.tested()) {
                b.append(String.format(Locale.ROOT, ", a difference of %s%s to none (%s)", Fmt.signed(c.difference()),
                        diffUnit, c.note()));
            } else if (significant(c)) {
                b.append(String.format(Locale.ROOT, ", %s than none by %s%s %s", c.difference() < 0 ? "better" : "worse",
                        Fmt.num(Math.abs(c.difference())), diffUnit, evidence(c)));
            } else {
                b.append(String.format(Locale.ROOT, ", not significantly different from none after Holm's "
                                + "correction (difference %s%s %s)",
                        Fmt.signed(c.difference()), diffUnit, evidence(c)));
                b.append(power(c, diffUnit));
            }
        }
        Optional<Comparison> cg = r.comparison(Metric.LOSS_GAP);
        double gapDiff = r.summary(Metric.LOSS_GAP).mean() - none.summary(Metric.LOSS_GAP).mean();
        b.append(String.format(Locale.ROOT, "; loss gap %s (%s vs none%s)", Fmt.num(r.summary(Metric.LOSS_GAP).mean()),
                Fmt.relative(r.summary(Metric.LOSS_GAP).mean(), none.summary(Metric.LOSS_GAP).mean()),
                cg.filter(Comparison::tested).map(c -> ", " + evidence(c).replaceAll("^\\(|\\)$", "")).orElse("")));
        double trainRise = r.summary(Metric.TRAIN_LOSS).mean() - none.summary(Metric.TRAIN_LOSS).mean();
        double testFall = none.summary(Metric.TEST_LOSS).mean() - r.summary(Metric.TEST_LOSS).mean();
        List<String> notes = new ArrayList<>();
        if (gapDiff < 0 && !better) {
            boolean lower = cp.map(c -> c.difference() < 0).orElse(false);
            notes.add(lower ? "its smaller gap is not shown to be a better model: its lower " + perfName
                    + " is not significant" : "its smaller gap is not a better model: its " + perfName
                    + " did not improve");
        }
        if (gapDiff < 0 && trainRise > 0 && trainRise > testFall) {
            notes.add(String.format(Locale.ROOT, "%s of the smaller gap comes from a higher training loss (%s vs %s) "
                            + "rather than a lower test loss (%s vs %s)", testFall > 0 ? "most" : "all",
                    Fmt.num(r.summary(Metric.TRAIN_LOSS).mean()), Fmt.num(none.summary(Metric.TRAIN_LOSS).mean()),
                    Fmt.num(r.summary(Metric.TEST_LOSS).mean()), Fmt.num(none.summary(Metric.TEST_LOSS).mean())));
        }
        if (!notes.isEmpty()) {
            String joined = String.join(", and ", notes);
            b.append(". ").append(Character.toUpperCase(joined.charAt(0))).append(joined.substring(1));
        }
        return b.append('.').toString();
    }

    private static String verdict(List<RegularizerStats> others, Metric perf, String perfName, String unit) {
        List<RegularizerStats> improved = others.stream().filter(r -> r.comparison(perf)
                .map(c -> significant(c) && c.difference() < 0).orElse(false)).toList();
        long tests = others.stream().flatMap(r -> r.vsBaseline().stream()).filter(Comparison::tested).count();
        if (tests == 0) {
            return "No test was possible (fewer than 2 seeds, or no variation between them); run at least 2 seeds "
                    + "(3 or more for useful intervals).";
        }
        if (improved.isEmpty()) {
            int family = others.stream().flatMap(r -> r.comparison(perf).stream()).mapToInt(Comparison::familySize)
                    .max().orElse(0);
            return String.format(Locale.ROOT, "No regularizer's %s is significantly better than none's after Holm's "
                    + "correction for the %d %s comparisons against none of this section (α = %s).", perfName, family,
                    perfName, ALPHA);
        }
        RegularizerStats best = improved.get(0);
        return String.format(Locale.ROOT, "Lowest %s with a significant improvement over none: %s (%s%s)%s.", perfName,
                best.name(), Fmt.num(best.summary(perf).mean()), unit, improved.size() > 1 ? "; also significantly "
                        + "better: " + improved.subList(1, improved.size()).stream().map(RegularizerStats::name)
                        .collect(Collectors.joining(", ")) : "");
    }

    private static boolean significant(Comparison c) {
        return c.significant();
    }

    /** @return what the design could have detected, from the comparison's power figures, or "" */
    private static String power(Comparison c, String diffUnit) {
        if (c.power() == null || Double.isNaN(c.power().mde())) {
            return "";
        }
        int need = c.power().seedsNeeded();
        return String.format(Locale.ROOT, "; with %d seeds this design detects a difference of %s%s with 80 %% "
                        + "power at Holm's level%s", c.n(), Fmt.num(c.power().mde()), diffUnit,
                need == 0 ? "" : need < 0 ? ", and no practical number of seeds would detect the observed one"
                        : ", and would need about " + need + " seeds to detect the observed one");
    }

    /** @return sentences on a grid edge, unstable runs; "" when there is nothing to flag */
    private static String flags(RegularizerStats r, Optional<dev.regbench.reports.select.PointChoice> choice) {
        StringBuilder b = new StringBuilder();
        List<dev.regbench.reports.select.PointChoice.Edge> edges =
                choice.map(dev.regbench.reports.select.PointChoice::atEdge).orElse(List.of());
        if (!edges.isEmpty()) {
            b.append(" Chosen at the edge of its grid (").append(Fmt.edges(edges))
                    .append("): widen the grid.");
        }
        long unstable = r.completed().stream().filter(x -> x.unstable().isPresent()).count();
        if (unstable > 0) {
            b.append(String.format(Locale.ROOT, " %d of its %d runs trained unstably (training loss rose markedly).",
                    unstable, r.completed().size()));
        }
        return b.toString();
    }

    private static String evidence(Comparison c) {
        String p = Fmt.p(c.pHolm());
        return String.format(Locale.ROOT, "(unadjusted 95 %% CI [%s, %s], %s, n = %d, Holm-adjusted p %s)", Fmt.num(c.ciLow()),
                Fmt.num(c.ciHigh()), c.test().label(), c.n(), p.startsWith("<") ? "< 0.001" : "= " + p);
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
                            + "(%s) and rises to %s by epoch %d while its training loss keeps falling (%s → %s) — "
                            + "descriptive only: no epoch is chosen on test data.",
                    best.epoch(), Fmt.num(best.test().mean()), Fmt.num(last.test().mean()), last.epoch(),
                    Fmt.num(best.train().mean()), Fmt.num(last.train().mean())));
        }
        if (last.test().mean() < first.test().mean() && best.epoch() == last.epoch()) {
            return Optional.of(String.format(Locale.ROOT, "Its mean test loss is still falling at epoch %d: train "
                    + "longer to see it overfit.", last.epoch()));
        }
        return Optional.empty();
    }

    /**
     * A label-noise condition: what its training error means, with each regularizer's, all from the table beside.
     */
    private static String memorization(Condition condition, RegularizerStats none) {
        String share = Fmt.compact(100 * condition.labelNoise());
        List<String> parts = new ArrayList<>();
        for (RegularizerStats r : condition.headline()) {
            if (!r.completed().isEmpty()) {
                parts.add(r.name() + " " + Fmt.meanCi(r.summary(Metric.TRAIN_ERROR)) + " %");
            }
        }
        return String.format(Locale.ROOT, "%s %% of the training labels were replaced by random classes "
                        + "(validation and test labels are true), so training error is measured against labels that "
                        + "carry %s: it shows how far each network memorized them — training error at the reported "
                        + "epoch: %s.", share, condition.labelNoise() == 1 ? "no information about the images"
                        : "partly no information about the images", String.join(", ", parts));
    }

    private static void diverged(Condition condition, List<String> out) {
        List<String> diverged = new ArrayList<>();
        for (RegularizerStats r : condition.headline()) {
            for (DivergedRun d : r.diverged()) {
                diverged.add(String.format(Locale.ROOT, "%s seed %d (epoch %d)", r.name(), d.seed(), d.epoch()));
            }
        }
        if (!diverged.isEmpty()) {
            out.add(String.format(Locale.ROOT, "%d run%s diverged and %s excluded from every number: %s.", diverged.size(),
                    diverged.size() == 1 ? "" : "s", diverged.size() == 1 ? "is" : "are", String.join(", ", diverged)));
        }
    }
}
