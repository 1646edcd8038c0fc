package dev.regbench.reports.render;

import dev.regbench.reports.input.ThroughputMeasurement;
import dev.regbench.reports.schema.ClassCounts;
import dev.regbench.reports.schema.DatasetInfo;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.PublishedReference;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.select.PointChoice;
import dev.regbench.reports.select.PointScore;
import dev.regbench.reports.stats.Agreement;
import dev.regbench.reports.stats.Comparison;
import dev.regbench.reports.stats.Equivalence;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RankComparison;
import dev.regbench.reports.stats.RegularizationPath;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.Summary;
import dev.regbench.reports.stats.TuningBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The report's tables, built once from the model and rendered by both the Markdown and the HTML writer. */
public final class ReportTables {
    private ReportTables() {
    }

    /**
     * @return per regularizer of a condition's headline runs: test performance first, then the gap, the losses on
     *         each split, the reported epoch and weight statistics
     */
    public static Table headline(Section s, Condition c) {
        boolean cls = s.task() == TaskType.CLASSIFICATION;
        List<Metric> columns = cls
                ? List.of(Metric.TEST_ERROR, Metric.TEST_LOSS, Metric.LOSS_GAP, Metric.TRAIN_LOSS,
                Metric.VALIDATION_LOSS, Metric.TRAIN_ERROR, Metric.VALIDATION_ERROR, Metric.EPOCH, Metric.WEIGHT_L2,
                Metric.NEAR_ZERO)
                : List.of(Metric.TEST_LOSS, Metric.LOSS_GAP, Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS, Metric.EPOCH,
                Metric.WEIGHT_L2, Metric.NEAR_ZERO);
        if (c.headline().stream().anyMatch(r -> r.regularizer().maxNorm() != null)) {
            columns = new ArrayList<>(columns);
            columns.add(Metric.MAX_UNIT_NORM); // shows that the max-norm bound held
        }
        List<String> headers = new ArrayList<>(List.of("regularizer", "settings", "n", "diverged"));
        columns.forEach(m -> headers.add(m == Metric.NEAR_ZERO ? "|w| < 1e-3 (%)" : m.label(s.task())));
        List<List<String>> rows = new ArrayList<>();
        for (RegularizerStats r : c.headline()) {
            List<String> row = new ArrayList<>(List.of(r.name(), Fmt.settings(r.regularizer(), r.point()),
                    Integer.toString(r.completed().size()), Integer.toString(r.diverged().size())));
            for (Metric m : columns) {
                Summary v = r.summary(m);
                row.add(Fmt.meanCi(m == Metric.NEAR_ZERO ? scaled(v, 100) : v));
            }
            rows.add(row);
        }
        String note = "Mean ± 95 % CI half-width over completed seeds (Student t), at each run's reported epoch ("
                + epochRule(s) + "). Losses are data losses without the penalty (" + (cls ? "cross-entropy, nats"
                : "MSE") + "), measured in inference mode; train: a fixed subset of the training examples as large as "
                + "the test set.";
        return new Table(headers, rows, note);
    }

    /**
     * The first thing a reader sees per condition: per arm its chosen setting, test performance, the difference to
     * {@code none} with its interval and Holm p, what the design could detect (MDE), how often it beat none
     * (probability of improvement), its tuning budget and anything to distrust (grid edge, unstable or diverged
     * runs).
     *
     * @return the compact headline table; empty when the condition has no headline runs
     */
    public static Optional<Table> glance(Section s, Condition c) {
        if (c.headline().isEmpty()) {
            return Optional.empty();
        }
        boolean cls = s.task() == TaskType.CLASSIFICATION;
        Metric perf = Metric.testPerformance(s.task());
        String unit = cls ? " pp" : "";
        List<List<String>> rows = new ArrayList<>();
        int family = 0;
        for (RegularizerStats r : c.headline()) {
            Optional<Comparison> x = r.comparison(perf);
            family = Math.max(family, x.map(Comparison::familySize).orElse(0));
            Optional<PointChoice> choice = Optional.ofNullable(c.selection().get(r.name()));
            List<String> flags = new ArrayList<>();
            choice.map(PointChoice::atEdge).filter(e -> !e.isEmpty()).ifPresent(e -> flags.add("edge: "
                    + Fmt.edges(e)));
            long unstable = r.completed().stream().filter(q -> q.unstable().isPresent()).count();
            if (unstable > 0) {
                flags.add(unstable + " unstable");
            }
            if (!r.diverged().isEmpty()) {
                flags.add(r.diverged().size() + " diverged");
            }
            rows.add(List.of(r.name(), choice.flatMap(PointChoice::chosen).map(ReportTables::point)
                            .filter(p -> !p.isEmpty()).orElse(Fmt.settings(r.regularizer())),
                    Fmt.meanCi(r.summary(perf)),
                    r.isBaseline() ? "(baseline)" : x.map(ReportTables::diff).orElse("–"),
                    x.filter(Comparison::tested).map(v -> Fmt.p(v.pHolm())).orElse("–"),
                    x.map(Comparison::power).filter(w -> !Double.isNaN(w.mde())).map(w -> Fmt.num(w.mde()) + unit)
                            .orElse("–"),
                    x.map(Comparison::improvement).filter(i -> i.n() > 0).map(ReportTables::improvement).orElse("–"),
                    choice.map(q -> budget(q, c)).orElse("–"),
                    flags.isEmpty() ? "" : String.join("; ", flags)));
        }
        String perfName = cls ? "test error (%)" : "test MSE";
        String tests = family == 0 ? "p, MDE: no test — fewer than 2 paired evaluation seeds" : "p: Holm-adjusted over "
                + "the " + family + " " + (cls ? "test-error" : "test-MSE") + " comparisons against none of this section "
                + "(every regularizer and condition; α = " + Comparison.ALPHA + "). MDE: the difference this design "
                + "detects with 80 % power at α/" + family + ", from the observed spread of the paired differences";
        List<String> notes = new ArrayList<>(List.of("Evaluation seeds, mean ± 95 % CI; Δ: regularizer − none, paired by "
                + "seed, unadjusted 95 % CI; " + tests + ". P(better): share of seeds on which the "
                + "regularizer beat none (ties ½), 95 % Wilson interval. Budget: configurations × tuning seeds."));
        budgetWarning(c).ifPresent(notes::add);
        return Optional.of(new Table(List.of("regularizer", "chosen", perfName, "Δ vs none [95 % CI]", "p (Holm)",
                "MDE", "P(better) [95 % CI]", "budget", "flags"), rows, String.join(" ", notes)));
    }

    private static String improvement(dev.regbench.reports.stats.Improvement i) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.share(), i.low(), i.high());
    }

    /** @return configurations × tuning seeds of one arm, e.g. {@code 6 × 2} */
    static String budget(PointChoice choice, Condition c) {
        return choice.scores().size() + " × " + c.tuneSeeds().size();
    }

    /**
     * regbench's budget rule: every hyperparameter that is not the regularizer's (learning rate, momentum, the
     * epoch) is tuned alike for every arm; each arm's own strengths add configurations, so budgets grow with the
     * number of hyperparameters (as Kadra et al. 2021 allot). The warning names arms whose budget differs.
     *
     * @return a warning when the arms' tuning budgets differ, or empty
     */
    static Optional<String> budgetWarning(Condition c) {
        Map<Integer, List<String>> by = new TreeMap<>();
        c.selection().forEach((name, q) -> by.computeIfAbsent(q.scores().size(), k -> new ArrayList<>()).add(name));
        if (by.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("Tuning budgets differ: " + by.entrySet().stream().map(e -> String.join(", ", e.getValue())
                + " " + e.getKey() + " configuration" + (e.getKey() == 1 ? "" : "s")).collect(Collectors.joining("; "))
                + ". An arm with more configurations has more chances to fit the validation noise; the learning rate "
                + "and the epoch are tuned alike for all, only each regularizer's own strengths add configurations.");
    }

    /** @return a sentence saying the runs departed from the suite file the setup text describes, or "" */
    private static String overridden(Section s) {
        List<String> o = s.provenance().overrides();
        return o.isEmpty() ? "" : " These runs also overrode the suite file (" + String.join(", ", o)
                + "), which the setup text above does not know.";
    }

    /**
     * @return the suite's published numbers beside regbench's, per regularizer the reference names: published
     *         value, regbench's mean ± 95 % CI over the headline seeds, and the difference; empty without a
     *         reference, for a label-noise condition, or when no referenced regularizer has headline runs
     */
    public static Optional<Table> reference(Section s, Condition c) {
        PublishedReference ref = s.reference();
        if (ref == null || c.labelNoise() > 0) {
            return Optional.empty();
        }
        Metric metric = ref.metric() == PublishedReference.Metric.TEST_ERROR ? Metric.TEST_ERROR : Metric.TEST_LOSS;
        String unit = ref.metric() == PublishedReference.Metric.TEST_ERROR ? "test error (%)" : "test loss";
        List<List<String>> rows = new ArrayList<>();
        ref.values().forEach((name, published) -> c.headline().stream().filter(r -> r.name().equals(name))
                .findFirst().ifPresent(r -> {
                    Summary v = r.summary(metric);
                    rows.add(List.of(name, Fmt.compact(published), Fmt.meanCi(v), Integer.toString(v.n()),
                            v.n() == 0 ? "—" : Fmt.signed(v.mean() - published)));
                }));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Table(List.of("regularizer", "published " + unit, "regbench " + unit
                + " [mean ± 95 % CI]", "n", "regbench − published"), rows, "Published: " + ref.citation()
                + ". Setup differences: " + ref.setup() + overridden(s) + " regbench's numbers are its headline runs above; the "
                + "published ones are single numbers without an interval, so the difference is descriptive, not a "
                + "test." + ordering(ref, c, metric)));
    }

    /** @return the published order against regbench's, with Kendall's τ-b and the swapped pairs, or "" */
    static String ordering(PublishedReference ref, Condition c, Metric metric) {
        List<String> names = new ArrayList<>();
        List<Double> published = new ArrayList<>();
        List<Double> measured = new ArrayList<>();
        ref.values().forEach((name, value) -> c.headline().stream().filter(r -> r.name().equals(name)
                && r.summary(metric).n() > 0).findFirst().ifPresent(r -> {
                    names.add(name);
                    published.add(value);
                    measured.add(r.summary(metric).mean());
                }));
        if (names.size() < 3) {
            return "";
        }
        dev.regbench.reports.stats.Ordering o = dev.regbench.reports.stats.Ordering.of(names,
                published.stream().mapToDouble(Double::doubleValue).toArray(),
                measured.stream().mapToDouble(Double::doubleValue).toArray());
        java.util.function.Function<List<Double>, String> order = v -> java.util.stream.IntStream.range(0, names.size())
                .boxed().sorted(java.util.Comparator.comparingDouble(v::get)).map(names::get)
                .collect(Collectors.joining(" < "));
        return String.format(Locale.ROOT, " Order, best first — published: %s; regbench: %s. Kendall's τ-b = %s "
                        + "over %d pairs (1: the same order)%s. regbench's order is of means whose intervals may overlap.",
                order.apply(published), order.apply(measured), Fmt.num(o.tau()), o.pairs(),
                o.swapped().isEmpty() ? "" : "; pairs in the other order: " + o.swapped().stream()
                        .map(x -> "published " + x).collect(Collectors.joining(", ")));
    }

    /** @return per regularizer: differences to none with 95 % CI, raw and Holm-adjusted p-values, and the test */
    public static Table comparisons(Section s, Condition c) {
        List<Metric> metrics = Metric.compared(s.task());
        List<String> headers = new ArrayList<>(List.of("regularizer"));
        for (Metric m : metrics) {
            String name = m == Metric.TEST_ERROR ? "test error (pp)" : m.label(s.task());
            headers.add("Δ " + name + " [95 % CI]");
            headers.add("p");
            headers.add("p (Holm)");
        }
        headers.add("test");
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RegularizerStats r : c.headline()) {
            if (r.vsBaseline().isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(r.name()));
            for (Metric m : metrics) {
                Optional<Comparison> x = r.comparison(m);
                row.add(x.map(ReportTables::diff).orElse("–"));
                row.add(x.map(v -> Fmt.p(v.pValue())).orElse("–"));
                row.add(x.map(v -> Fmt.p(v.pHolm())).orElse("–"));
                x.filter(v -> !v.note().isEmpty()).ifPresent(v -> notes.add(r.name() + ", " + m.label(s.task()) + ": "
                        + v.note()));
            }
            row.add(r.vsBaseline().stream().map(v -> v.test().label() + ", n = " + v.n()).distinct()
                    .collect(Collectors.joining("; ")));
            rows.add(row);
        }
        String note = "Regularizer − none. Runs pair by seed (same initial weights, data draw and batch order): the "
                + "paired t-test on per-seed differences and the t interval of their mean; Welch's test where runs do "
                + "not pair. p (Holm): adjusted within its family (Holm 1979) — the " + metrics.get(0).label(s.task())
                + " comparisons against none over every regularizer and condition of this section are one family, "
                + "each secondary metric another; significance is judged on it at α = " + Conclusion.ALPHA
                + ". Intervals are unadjusted. "
                + String.join("; ", notes.stream().distinct().toList());
        return new Table(headers, rows, note.strip());
    }

    /**
     * @return per regularizer of a two-stage section: the grid, the point chosen on validation, the validation
     *         metric there over the tuning seeds, and the evaluation stage's test performance and paired comparison
     */
    public static Optional<Table> selection(Section s, Condition c) {
        if (c.selection().isEmpty()) {
            return Optional.empty();
        }
        Metric perf = Metric.testPerformance(s.task());
        String perfName = perf == Metric.TEST_ERROR ? "test error (%)" : "test MSE";
        String metric = s.policy().metric().id();
        List<String> headers = List.of("regularizer", "grid", "chosen", metric + " at choice (tuning)",
                perfName + " (evaluation)", "Δ vs none [95 % CI]", "p (Holm)", "budget");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, PointChoice> e : c.selection().entrySet()) {
            PointChoice choice = e.getValue();
            Optional<RegularizerStats> eval = c.headline().stream().filter(r -> r.name().equals(e.getKey())).findFirst();
            String grid = grid(choice);
            List<PointChoice.Edge> edges = choice.atEdge();
            String chosen = (choice.scores().size() == 1 ? "(one setting)" : choice.chosen().map(ReportTables::point)
                    .orElse("none: every point had a diverged tuning run"))
                    + (edges.isEmpty() ? "" : " ⚠ at the edge (" + Fmt.edges(edges) + "): widen the grid")
                    + (choice.chosenUnstable() ? " ⚠ unstable: every configuration had a tuning run flagged unstable"
                    : "");
            Optional<PointScore> score = choice.chosen().isPresent() ? choice.chosenScore()
                    : choice.scores().size() == 1 ? Optional.of(choice.scores().get(0)) : Optional.empty();
            String validation = score.map(x -> Fmt.meanCi(percentIfError(x.summary(), s))).orElse("–");
            Optional<Comparison> vs = eval.flatMap(r -> r.comparison(perf));
            rows.add(List.of(e.getKey(), grid, chosen, validation,
                    eval.map(r -> Fmt.meanCi(r.summary(perf))).orElse("–"),
                    vs.map(ReportTables::diff).orElse(eval.map(r -> r.isBaseline() ? "(baseline)" : "–").orElse("–")),
                    vs.map(v -> Fmt.p(v.pHolm())).orElse("–"), budget(choice, c)));
        }
        String note = "Chosen on " + s.policy().describe() + ", mean over tuning seeds "
                + c.tuneSeeds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (s.policy().metric().inPercent() ? " (in %)" : "")
                + "; test metrics were not read. The evaluation columns come from fresh seeds (paired against none, "
                + "Holm-adjusted). ⚠ marks a choice at the smallest or largest value of a swept parameter. A "
                + "configuration with a diverged tuning run is never chosen, one with a tuning run flagged unstable "
                + "only when every configuration has one."
                + budgetWarning(c).map(w -> " " + w).orElse("");
        return Optional.of(new Table(headers, rows, note));
    }

    /**
     * Expected choice against tuning budget (Dodge et al. 2019): per regularizer, at budgets 1, 2, 4, … and the
     * largest grid, the expected validation score of the best of that many random configurations and the expected
     * test performance of that winner.
     *
     * @return the table, or empty when no regularizer has more than one configuration
     */
    public static Optional<Table> tuningBudget(Section s, Condition c) {
        int largest = c.budgets().stream().mapToInt(TuningBudget::configurations).max().orElse(0);
        if (largest < 2) {
            return Optional.empty();
        }
        List<Integer> budgets = new ArrayList<>();
        for (int n = 1; n < largest; n *= 2) {
            budgets.add(n);
        }
        budgets.add(largest);
        boolean percent = s.policy().metric().inPercent();
        String perf = s.task() == TaskType.CLASSIFICATION ? "test error %" : "test MSE";
        List<String> headers = new ArrayList<>(List.of("regularizer", "grid"));
        budgets.forEach(n -> headers.add(n + (n == 1 ? " configuration" : " configurations")));
        List<List<String>> rows = new ArrayList<>();
        for (TuningBudget b : c.budgets()) {
            List<String> row = new ArrayList<>(List.of(b.regularizer(), Integer.toString(b.configurations())));
            for (int n : budgets) {
                row.add(b.at(n).map(x -> Fmt.num(percent ? 100 * x.validation() : x.validation()) + " (" + perf + " "
                        + Fmt.num(x.test()) + ")" + (n > b.configurations() ? " *" : "")).orElse("–"));
            }
            rows.add(row);
        }
        String note = "If only n configurations, drawn at random from the grid regbench tried, had been tuned: the "
                + "expected " + s.policy().metric().label() + " of the best of them (mean over tuning seeds "
                + "at each run's chosen epoch, as the selector scores it) and, in brackets, the expected test "
                + "performance of that winner on the same tuning runs — shown, never used to choose (Dodge et al. "
                + "2019, expected validation performance). A regularizer whose test value beats none's only at large "
                + "n owes its advantage to its tuning budget; one still improving at its grid's size would likely "
                + "gain from a larger grid. * n exceeds the regularizer's grid: the same configurations drawn again.";
        return Optional.of(new Table(headers, rows, note));
    }

    /**
     * @param ranks the report's rank comparison
     * @return per regularizer, best average rank first: its average rank and its rank in every condition; the note
     *         gives Friedman's test, Iman–Davenport's F and the Nemenyi critical difference
     */
    public static Table ranks(RankComparison ranks) {
        List<String> headers = new ArrayList<>(List.of("regularizer", "average rank"));
        headers.addAll(ranks.blocks());
        List<List<String>> rows = new ArrayList<>();
        for (int arm : ranks.byRank()) {
            List<String> row = new ArrayList<>(List.of(ranks.arms().get(arm),
                    String.format(Locale.ROOT, "%.2f", ranks.averageRanks().get(arm))));
            for (List<Double> block : ranks.blockRanks()) {
                row.add(Fmt.compact(block.get(arm)));
            }
            rows.add(row);
        }
        String groups = ranks.indistinguishable().stream().map(g -> g.stream().map(ranks.arms()::get)
                .collect(Collectors.joining(", "))).map(g -> "{" + g + "}").collect(Collectors.joining(", "));
        String note = String.format(Locale.ROOT, "Ranks of mean test performance (test error or test MSE) within "
                        + "each condition, 1 = best, ties share their average rank (Demšar 2006). Friedman test over "
                        + "the %d conditions: χ² = %.2f (%d df, tie-corrected), p = %s; Iman–Davenport F = %s, p = %s. "
                        + "Nemenyi critical difference at α = %s: %s%s. The unit of these tests is the condition, "
                        + "not the seed.", ranks.blocks().size(), ranks.chiSquare(), ranks.arms().size() - 1,
                Fmt.p(ranks.pValue()), Fmt.num(ranks.imanDavenport()), Fmt.p(ranks.pImanDavenport()),
                RankComparison.ALPHA, Double.isNaN(ranks.criticalDifference())
                        ? "not tabulated for more than 10 regularizers" : String.format(Locale.ROOT, "%.2f",
                        ranks.criticalDifference()),
                !ranks.ranksDiffer() ? "; the Friedman test finds no difference between the ranks, so no pair is "
                        + "distinguished" : groups.isEmpty() ? "; every pair of regularizers is distinguished"
                        : "; not distinguishable: " + groups);
        return new Table(headers, rows, note);
    }

    /** @return the path values of one condition as a table (for readers of the Markdown report without figures) */
    public static Optional<Table> paths(Section s, Condition c) {
        List<RegularizationPath> paths = c.paths().stream().filter(p -> p.points().size() > 1).toList();
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        boolean cls = s.task() == TaskType.CLASSIFICATION;
        List<String> headers = new ArrayList<>(List.of("regularizer", "parameter", "value", "train loss",
                "validation loss", "test loss"));
        if (cls) {
            headers.addAll(List.of("validation error (%)", "test error (%)"));
        }
        headers.add("diverged");
        List<List<String>> rows = new ArrayList<>();
        for (RegularizationPath p : paths) {
            for (RegularizationPath.Point q : p.points()) {
                boolean chosen = p.chosen().isPresent() && p.chosen().get() == q.value();
                List<String> row = new ArrayList<>(List.of(p.regularizer(), p.parameter(),
                        Fmt.compact(q.value()) + (chosen ? " ◆" : ""), Fmt.meanCi(q.trainLoss()),
                        Fmt.meanCi(q.validationLoss()), Fmt.meanCi(q.testLoss())));
                if (cls) {
                    row.add(Fmt.meanCi(q.validationError()));
                    row.add(Fmt.meanCi(q.testError()));
                }
                row.add(Integer.toString(q.diverged()));
                rows.add(row);
            }
        }
        String note = "Mean ± 95 % CI over the " + (s.protocol() == Section.Protocol.TWO_STAGE ? "tuning" : "")
                + " seeds at each run's reported epoch; ◆ marks the value chosen on validation. Test columns are shown, "
                + "never used to choose.";
        return Optional.of(new Table(headers, rows, note.replace("the  seeds", "the seeds")));
    }

    /** @return the provenance of a section: suites, protocol, seeds, data splits, network, environment, times */
    public static Table provenance(Section s) {
        Section.Provenance p = s.provenance();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("suite", String.join("; ", p.suites())));
        rows.add(List.of("protocol", switch (s.protocol()) {
            case TWO_STAGE -> "two stages: every grid point on the tuning seeds, chosen on " + s.policy().describe()
                    + "; the choice re-trained on fresh evaluation seeds (headline numbers)";
            case FIXED -> "one stage: settings fixed by the suite file, nothing chosen; reported epoch: " + epochRule(s);
            case EXPLORATORY -> "exploratory: a grid without selection (paths only)";
        }));
        rows.add(List.of("seeds", p.seeds()));
        rows.add(List.of("epochs", p.epochs().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        if (!p.overrides().isEmpty()) {
            rows.add(List.of("overrides", String.join(", ", p.overrides())));
        }
        RunResult first = p.runs().get(0);
        DatasetInfo d = first.dataset();
        String sizes = s.conditions().stream().map(c -> String.valueOf(c.trainSize())).distinct()
                .collect(Collectors.joining(", "));
        rows.add(List.of("data", String.format(Locale.ROOT, "%s: %s training examples (%d evaluated as \"train\"; "
                        + "draw %s), %s validation, %d test; data seed %d", d.name(), sizes, d.evalTrainSize(),
                d.draw().equals("per-seed") ? "per seed: each seed trains on its own examples" : "fixed: every seed "
                        + "trains on the same examples",
                d.validationSize() == 0 ? "no" : String.valueOf(d.validationSize()), d.testSize(), d.dataSeed())));
        if (d.classCounts() != null) {
            rows.add(List.of("class frequencies", classFrequencies(d.classCounts())));
        }
        rows.add(List.of("network", String.format(Locale.ROOT, "%s, %s, %s init, %s; %,d parameters; %s lr %s%s, batch %d",
                first.network().layerSizes().stream().map(String::valueOf).collect(Collectors.joining("-")),
                first.network().activation(), first.network().weightInit(), first.network().output(),
                first.network().parameters(), first.network().optimizer().type(),
                Fmt.compact(first.network().optimizer().learningRate()),
                first.network().optimizer().momentum() == null ? ""
                        : ", momentum " + Fmt.compact(first.network().optimizer().momentum()),
                first.network().batchSize())));
        rows.add(List.of("implementation", implementations(p.runs())));
        for (Environment e : p.environments()) {
            rows.add(List.of("environment", String.format(Locale.ROOT,
                    "%s backend%s, %s BLAS (%d thread%s), %d OpenMP thread%s, %s; %s; %s; DL4J %s; commit %s",
                    e.backend(), e.nativeBuild() == null ? "" : " (" + e.nativeBuild() + ")", e.blasVendor(),
                    e.blasThreads(), e.blasThreads() == 1 ? "" : "s", e.ompThreads(),
                    e.ompThreads() == 1 ? "" : "s", e.dataType(), e.cpu() == null ? String.format(Locale.ROOT,
                            "%s (%d cores, %s)", e.cpuModel(), e.cores(), e.cpuFlags()) : e.cpu().label(),
                    e.jvm(), e.dl4jVersion(), e.gitCommit())));
        }
        rows.add(List.of("configuration", s.experiment()));
        rows.add(List.of("run", p.firstStarted() + " – " + p.lastFinished()));
        return new Table(List.of("", ""), rows, "");
    }

    /** @return the JMH throughput measurements, or empty if there are none */
    /**
     * @param runs a section's runs
     * @return which code trained them, e.g. "tuned: regbench's drop-in DL4J classes (feature-major layout), 38 runs"
     */
    static String implementations(List<RunResult> runs) {
        Map<String, Long> counts = new TreeMap<>(runs.stream().collect(Collectors.groupingBy(
                ReportTables::implementationLabel, Collectors.counting())));
        return counts.entrySet().stream().map(e -> e.getKey() + (counts.size() > 1 ? ", " + e.getValue() + " runs" : ""))
                .collect(Collectors.joining("; "));
    }

    /** @return one run's implementation in words, with the layout and any fallback note */
    static String implementationLabel(RunResult r) {
        String id = r.implementation() == null ? "unrecorded" : r.implementation();
        String what = switch (id) {
            case "tuned" -> "tuned: regbench's drop-in DL4J classes (same results up to float rounding; README)"
                    + (r.activationLayout() == null ? "" : ", " + r.activationLayout() + " layout");
            case "stock" -> "stock: DL4J's classes as shipped";
            case "pytorch" -> "pytorch: the independent PyTorch reference (scripts/pytorch-reference.py)";
            default -> id;
        };
        return r.implementationNote() == null ? what : what + " (tuned unavailable: " + r.implementationNote() + ")";
    }

    /**
     * @param agreements equivalence tests between result sets of one suite
     * @return the table, or empty if there are none
     */
    public static Optional<Table> agreements(List<Agreement> agreements) {
        if (agreements.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Agreement a : agreements) {
            Equivalence e = a.equivalence();
            rows.add(List.of(a.suite(), a.condition(), a.regularizer(), a.metric().label(a.task()),
                    a.setA(), Fmt.meanCi(a.summaryA()), a.setB(), Fmt.meanCi(a.summaryB()),
                    e.tested() ? Fmt.signed(e.difference()) + " [" + Fmt.num(e.ciLow()) + ", " + Fmt.num(e.ciHigh()) + "]"
                            : Fmt.signed(e.difference()),
                    "±" + Fmt.compact(e.margin()),
                    e.tested() ? Fmt.p(e.p()) : "—",
                    !e.tested() ? "no test (n < 2)" : e.equivalent() ? "equivalent" : "not shown",
                    e.test() == Comparison.Test.PAIRED ? "paired, n = " + e.n() : "Welch, n = " + e.n() + " / " + e.nB()));
        }
        return Optional.of(new Table(List.of("suite", "condition", "regularizer", "metric", "A", "A: mean ± 95 % CI",
                "B", "B: mean ± 95 % CI", "A − B [90 % CI]", "margin", "TOST p", "verdict", "test"), rows,
                "Two one-sided tests (Schuirmann 1987): A and B are called equivalent when the 90 % interval of their "
                        + "difference lies inside ± the margin (p < 0.05); \"not shown\" means the data cannot "
                        + "exclude a difference as large as the margin, not that there is one. Runs that share seeds "
                        + "are paired by seed."));
    }

    public static Optional<Table> throughput(List<ThroughputMeasurement> measurements) {
        if (measurements.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        for (ThroughputMeasurement m : measurements) {
            rows.add(List.of(m.benchmark(), m.params().isEmpty() ? "–" : m.params(), m.backend(),
                    Fmt.num(m.score()) + (Double.isNaN(m.error()) ? "" : " ± " + Fmt.num(m.error())) + " " + m.unit(),
                    Fmt.num(m.examplesPerSecond()), Fmt.num(m.gflopPerSecond())));
        }
        return Optional.of(new Table(List.of("benchmark", "parameters", "backend", "JMH score (99.9 % CI)",
                "examples / s", "GFLOP/s"), rows, "From the JMH JSON files given with --jmh. TrainStep: training "
                + "steps over the suite's real training batches; Inference: forward pass (output) and the harness's "
                + "evaluation of the same rows (evaluate); Gemm: ND4J sgemm (m×k×n), the library's ceiling; FmaPeak: the FP32 FMA peak of all cores, the "
                + "hardware's; DropoutPass: one dropout layer's forward and backward on 128×1024 activations, "
                + "passes/s; HarnessOverhead: "
                + "bare fit loop vs the harness's shuffle + gather + fit, in examples/s."));
    }

    /** @return how the reported epoch of each run was chosen, in words */
    static String epochRule(Section s) {
        return switch (s.policy().rule()) {
            case FINAL -> "the final epoch";
            case BEST -> "each run's epoch of lowest " + s.policy().metric().label();
            case PATIENCE -> "early stopping on " + s.policy().metric().label() + ", patience "
                    + s.policy().patience();
        };
    }

    private static String classFrequencies(ClassCounts c) {
        String test = c.test().stream().map(String::valueOf).collect(Collectors.joining(", "));
        int min = c.test().stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = c.test().stream().mapToInt(Integer::intValue).max().orElse(0);
        String train = range(c.train());
        String validation = c.validation().isEmpty() ? "none" : range(c.validation());
        return String.format(Locale.ROOT, "training subset %s per class, validation %s per class (class-balanced); "
                + "test set as published, not balanced: %s (classes 0–%d; %d to %d)", train, validation, test,
                c.test().size() - 1, min, max);
    }

    private static String range(List<Integer> counts) {
        int min = counts.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        return min == max ? String.valueOf(min) : min + "–" + max;
    }

    private static String grid(PointChoice choice) {
        Map<String, java.util.TreeSet<Double>> axes = new TreeMap<>();
        choice.scores().forEach(x -> x.point().forEach((k, v) -> axes.computeIfAbsent(k, q -> new java.util.TreeSet<>())
                .add(v)));
        if (axes.isEmpty()) {
            return "–";
        }
        return axes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size() + " values "
                + Fmt.compact(e.getValue().first()) + " … " + Fmt.compact(e.getValue().last()))
                .collect(Collectors.joining("; "));
    }

    private static String point(Map<String, Double> point) {
        return point.entrySet().stream().map(e -> e.getKey() + " = " + Fmt.compact(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static Summary percentIfError(Summary s, Section section) {
        return section.policy().metric().inPercent() ? scaled(s, 100) : s;
    }

    static Summary scaled(Summary s, double factor) {
        return new Summary(s.n(), s.mean() * factor, s.sd() * factor, s.ciLow() * factor, s.ciHigh() * factor);
    }

    private static String diff(Comparison x) {
        String d = Fmt.signed(x.difference());
        return Double.isNaN(x.ciLow()) ? d : d + " [" + Fmt.num(x.ciLow()) + ", " + Fmt.num(x.ciHigh()) + "]";
    }
}
