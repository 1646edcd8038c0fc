package dev.regbench.reports.stats;

import dev.regbench.reports.input.Inputs;
import dev.regbench.reports.input.LoadedRun;
import dev.regbench.reports.input.Source;
import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.PublishedReference;
import dev.regbench.reports.schema.RegularizerInfo;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import dev.regbench.reports.schema.Stage;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.select.PointChoice;
import dev.regbench.reports.select.PointScore;
import dev.regbench.reports.select.SelectionPolicy;
import dev.regbench.reports.select.Selector;
import dev.regbench.reports.select.TuningRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes a {@link ReportModel} from loaded runs: sections keyed on the runs' configuration, conditions per
 * training-set size, the selection recomputed from the tuning runs (validation only, {@link Selector}),
 * headline summaries of the evaluation runs with paired comparisons against {@code none} and Holm's adjustment,
 * regularization paths, learning curves and provenance.
 */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    /**
     * @param inputs    what was read
     * @param generated timestamp to print
     * @return the model
     */
    public static ReportModel build(Inputs inputs, String generated) {
        return build(inputs, generated, EquivalenceMargins.DEFAULT);
    }

    /**
     * @param inputs    what was read
     * @param generated timestamp to print
     * @param margins   the equivalence margins of comparisons between result sets of one suite
     * @return the model
     */
    public static ReportModel build(Inputs inputs, String generated, EquivalenceMargins margins) {
        Map<String, List<LoadedRun>> groups = new LinkedHashMap<>();
        for (LoadedRun run : inputs.runs()) {
            groups.computeIfAbsent(run.source().directory() + "\u0000" + run.result().suite().experimentSha256(),
                    k -> new ArrayList<>()).add(run);
        }
        List<String> problems = new ArrayList<>(inputs.problems());
        List<List<LoadedRun>> ordered = List.copyOf(groups.values());
        List<String> labels = labels(ordered);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            sections.add(section(ordered.get(i), labels.get(i), problems));
        }
        return new ReportModel(sections, inputs.throughput(), agreements(sections, margins), ranks(sections), problems,
                inputs.notes(), generated);
    }

    /**
     * The blocks of the rank comparison: every data condition of every section with headline numbers, each suite's
     * condition once (a second result set of the same suite, e.g. a CUDA run, is the same condition measured
     * again, not a new one), with at least 2 regularizers of finite mean test performance.
     *
     * @return the ranks, when at least 3 blocks share at least 2 arms
     */
    static Optional<RankComparison> ranks(List<Section> sections) {
        Map<String, Map<String, Double>> blocks = new LinkedHashMap<>();
        for (Section s : sections) {
            Metric perf = Metric.testPerformance(s.task());
            for (Condition c : s.conditions()) {
                Map<String, Double> means = new LinkedHashMap<>();
                c.headline().stream().filter(r -> r.summary(perf).n() > 0 && Double.isFinite(r.summary(perf).mean()))
                        .forEach(r -> means.put(r.name(), r.summary(perf).mean()));
                if (means.size() >= 2) {
                    blocks.putIfAbsent(s.suite() + (s.conditions().size() > 1 ? ", " + c.label() : ""), means);
                }
            }
        }
        // The arms: the largest set of regularizers that some condition holds and at least 3 conditions share
        // (the most conditions on a tie); the blocks: every condition holding all of them.
        List<String> arms = List.of();
        List<String> used = List.of();
        for (Map<String, Double> candidate : blocks.values()) {
            List<String> holding = blocks.entrySet().stream().filter(e -> e.getValue().keySet()
                    .containsAll(candidate.keySet())).map(Map.Entry::getKey).toList();
            if (holding.size() >= 3 && (candidate.size() > arms.size()
                    || candidate.size() == arms.size() && holding.size() > used.size())) {
                arms = List.copyOf(candidate.keySet());
                used = holding;
            }
        }
        if (arms.size() < 2) {
            return Optional.empty();
        }
        List<String> chosenArms = arms;
        double[][] values = used.stream().map(b -> chosenArms.stream().mapToDouble(blocks.get(b)::get).toArray())
                .toArray(double[][]::new);
        return Optional.of(RankComparison.of(arms, used, values));
    }

    /**
     * Every pair of sections of one suite (two result directories: two implementations, backends or machines): per
     * data condition and regularizer present in both, the primary metric's means against the margin — paired by
     * seed where the two share at least two seeds, Welch otherwise.
     */
    static List<Agreement> agreements(List<Section> sections, EquivalenceMargins margins) {
        List<Agreement> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            for (int j = i + 1; j < sections.size(); j++) {
                Section a = sections.get(i);
                Section b = sections.get(j);
                if (!a.suite().equals(b.suite()) || a.task() != b.task()) {
                    continue;
                }
                Metric metric = Metric.testPerformance(a.task());
                for (Condition ca : a.conditions()) {
                    Optional<Condition> cb = b.conditions().stream().filter(c -> c.trainSize() == ca.trainSize()
                            && c.labelNoise() == ca.labelNoise()).findFirst();
                    if (cb.isEmpty()) {
                        continue;
                    }
                    for (RegularizerStats ra : ca.headline()) {
                        Optional<RegularizerStats> rb = cb.get().headline().stream()
                                .filter(r -> r.name().equals(ra.name())).findFirst();
                        if (rb.isEmpty()) {
                            continue;
                        }
                        Map<Long, Double> va = bySeed(ra.completed(), metric);
                        Map<Long, Double> vb = bySeed(rb.get().completed(), metric);
                        List<Long> common = va.keySet().stream().filter(vb::containsKey).sorted().toList();
                        double margin = margins.of(a.task());
                        Equivalence e = common.size() >= 2
                                ? Equivalence.paired(common.stream().mapToDouble(k -> va.get(k) - vb.get(k)).toArray(),
                                margin)
                                : Equivalence.welch(values(ra.completed(), metric), values(rb.get().completed(), metric),
                                margin);
                        out.add(new Agreement(a.suite(), a.task(), ca.label(), ra.name(), metric, a.label(),
                                ra.summary(metric), b.label(), rb.get().summary(metric), e));
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code <suite> · <backend>} per group; where two groups would share a label, the directory name (groups from
     * different directories) and the configuration hash (two configurations in one directory) tell them apart.
     */
    private static List<String> labels(List<List<LoadedRun>> groups) {
        List<String> base = groups.stream().map(g -> g.get(0).result().suite().name() + " · "
                + g.get(0).result().environment().backend()).toList();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Source source = groups.get(i).get(0).source();
            List<Integer> same = new ArrayList<>();
            for (int j = 0; j < groups.size(); j++) {
                if (base.get(j).equals(base.get(i))) {
                    same.add(j);
                }
            }
            if (same.size() == 1) {
                labels.add(base.get(i));
                continue;
            }
            String implementation = String.valueOf(groups.get(i).get(0).result().implementation());
            boolean otherImplementations = same.stream().anyMatch(j -> !implementation.equals(
                    String.valueOf(groups.get(j).get(0).result().implementation())));
            // The directory only where the implementation does not already tell the groups apart.
            boolean otherDirectories = same.stream().anyMatch(j -> !groups.get(j).get(0).source().equals(source)
                    && implementation.equals(String.valueOf(groups.get(j).get(0).result().implementation())));
            boolean configsHere = same.stream().filter(j -> groups.get(j).get(0).source().equals(source)).count() > 1;
            List<String> parts = new ArrayList<>();
            if (otherImplementations) {
                parts.add(implementation);
            }
            if (otherDirectories) {
                parts.add(String.valueOf(source.directory().toAbsolutePath().normalize().getFileName()));
            }
            if (configsHere) {
                String config = groups.get(i).get(0).result().suite().experimentSha256();
                parts.add("config " + config.substring(0, Math.min(8, config.length())));
            }
            labels.add(base.get(i) + " (" + String.join(", ", parts) + ")");
        }
        return labels;
    }

    private static Section section(List<LoadedRun> loaded, String label, List<String> problems) {
        Source source = loaded.get(0).source();
        List<RunResult> runs = loaded.stream().map(LoadedRun::result).toList();
        RunResult first = runs.get(0);
        TaskType task = first.task();
        boolean twoStage = runs.stream().anyMatch(r -> r.stage() != Stage.SINGLE);
        boolean grid = runs.stream().anyMatch(r -> !r.point().isEmpty());
        Section.Protocol protocol = twoStage ? Section.Protocol.TWO_STAGE
                : grid ? Section.Protocol.EXPLORATORY : Section.Protocol.FIXED;
        SelectionPolicy policy = runs.stream().filter(r -> r.epochChoice() != null).findFirst()
                .map(r -> SelectionPolicy.of(r.epochChoice())).orElse(SelectionPolicy.DEFAULT);
        Map<List<Double>, List<RunResult>> byCondition = new java.util.TreeMap<>(
                Comparator.comparing((List<Double> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        runs.forEach(r -> byCondition.computeIfAbsent(List.of((double) r.dataset().trainSize(),
                r.dataset().labelNoiseOrZero()), k -> new ArrayList<>()).add(r));
        List<Condition> conditions = new ArrayList<>();
        byCondition.forEach((key, here) -> conditions.add(condition(key.get(0).intValue(), key.get(1), here, protocol,
                policy, task, label, problems)));
        List<Condition> adjusted = holm(conditions);
        PublishedReference reference = runs.stream().map(r -> r.suite().reference()).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return new Section(source, label, first.suite().name(), first.suite().experimentSha256(),
                first.dataset().name(), task, protocol, policy, adjusted, provenance(runs), reference);
    }

    private static Condition condition(int size, double labelNoise, List<RunResult> runs, Section.Protocol protocol,
                                       SelectionPolicy policy, TaskType task, String label, List<String> problems) {
        Stage pathStage = protocol == Section.Protocol.TWO_STAGE ? Stage.TUNE : Stage.SINGLE;
        Map<String, List<RunResult>> tuning = byRegularizer(runs.stream().filter(r -> r.stage() == pathStage).toList());
        Map<String, PointChoice> selection = new LinkedHashMap<>();
        if (protocol == Section.Protocol.TWO_STAGE) {
            tuning.forEach((name, rs) -> selection.put(name,
                    Selector.choose(policy, rs.stream().map(TuningRun::of).toList())));
        }
        List<RegularizationPath> paths = new ArrayList<>();
        if (protocol != Section.Protocol.FIXED) {
            tuning.forEach((name, rs) -> paths.addAll(paths(rs, Optional.ofNullable(selection.get(name))
                    .flatMap(PointChoice::chosen))));
        }
        List<RegularizerStats> headline = new ArrayList<>();
        if (protocol != Section.Protocol.EXPLORATORY) {
            Stage headlineStage = protocol == Section.Protocol.TWO_STAGE ? Stage.EVAL : Stage.SINGLE;
            Map<String, List<RunResult>> groups = byRegularizer(runs.stream()
                    .filter(r -> r.stage() == headlineStage).toList());
            for (Map.Entry<String, List<RunResult>> g : groups.entrySet()) {
                List<RunResult> atPoint = atOnePoint(g.getKey(), g.getValue(), selection.get(g.getKey()), label, size,
                        problems);
                headline.add(stats(atPoint, task));
            }
            headline = compare(headline, task);
        }
        List<Long> tuneSeeds = runs.stream().filter(r -> r.stage() == Stage.TUNE).map(RunResult::seed).distinct()
                .sorted().toList();
        return new Condition(size, labelNoise, headline, paths, selection, tuneSeeds,
                budgets(selection, tuning, task));
    }

    /**
     * The expected-best curves of every selection: each grid point the selector may choose (stable, or eligible when
     * none is stable) with its validation score (the selector's) and its tuning runs' mean test performance, up to
     * the largest grid of the condition.
     */
    private static List<TuningBudget> budgets(Map<String, PointChoice> selection, Map<String, List<RunResult>> tuning,
                                              TaskType task) {
        Metric perf = Metric.testPerformance(task);
        int largest = selection.values().stream().mapToInt(c -> PointChoice.candidates(c.scores()).size()).max()
                .orElse(0);
        List<TuningBudget> out = new ArrayList<>();
        selection.forEach((name, choice) -> {
            List<PointScore> candidates = PointChoice.candidates(choice.scores());
            double[] validation = candidates.stream().mapToDouble(x -> x.summary().mean()).toArray();
            double[] test = candidates.stream().mapToDouble(x -> {
                double[] v = values(tuning.get(name).stream().filter(r -> r.status() == RunStatus.COMPLETED
                        && r.point().equals(x.point())).toList(), perf);
                return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElseThrow();
            }).toArray();
            out.add(TuningBudget.of(name, validation, test, largest));
        });
        return List.copyOf(out);
    }

    /** Groups runs by regularizer name: none first, then the standard kinds, then others by name. */
    private static Map<String, List<RunResult>> byRegularizer(List<RunResult> runs) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparingInt((RunResult r) -> r.regularizer().kindRank())
                        .thenComparing(r -> r.regularizer().name()).thenComparingLong(RunResult::seed))
                .forEach(r -> groups.computeIfAbsent(r.regularizer().name(), k -> new ArrayList<>()).add(r));
        return groups;
    }

    /**
     * The headline runs of one regularizer must share one grid point. If an earlier selection left evaluation
     * runs at another point, only those at the current choice count; the others are listed as problems.
     */
    private static List<RunResult> atOnePoint(String name, List<RunResult> runs, PointChoice choice, String label,
                                              int size, List<String> problems) {
        Map<Map<String, Double>, List<RunResult>> byPoint = new LinkedHashMap<>();
        runs.forEach(r -> byPoint.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r));
        if (byPoint.size() == 1) {
            return runs;
        }
        Map<String, Double> keep = choice != null && choice.chosen().isPresent() ? choice.chosen().get()
                : byPoint.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow().getKey();
        byPoint.forEach((point, rs) -> {
            if (!point.equals(keep)) {
                problems.add(String.format(java.util.Locale.ROOT, "%s, trainSize %d: %d evaluation run(s) of %s at %s "
                                + "are not at the point chosen by the tuning runs (%s); left out", label, size, rs.size(),
                        name, point, keep));
            }
        });
        return byPoint.getOrDefault(keep, List.of());
    }

    private static RegularizerStats stats(List<RunResult> runs, TaskType task) {
        List<RunResult> completed = runs.stream().filter(r -> r.status() == RunStatus.COMPLETED).toList();
        List<DivergedRun> diverged = runs.stream().filter(r -> r.status() == RunStatus.DIVERGED)
                .map(r -> new DivergedRun(r.seed(), r.point().isEmpty() ? "" : r.point().toString(),
                        r.divergedAtEpoch(), r.failure())).toList();
        Map<Metric, Summary> summaries = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (m.appliesTo(task)) {
                summaries.put(m, Summary.of(values(completed, m)));
            }
        }
        RegularizerInfo info = (completed.isEmpty() ? runs : completed).get(0).regularizer();
        return new RegularizerStats(info, runs.get(0).point(), completed, diverged, summaries, List.of(),
                curve(completed));
    }

    /** Comparisons of every regularizer against none on the task's metrics, not yet adjusted (see {@link #holm}). */
    private static List<RegularizerStats> compare(List<RegularizerStats> headline, TaskType task) {
        Optional<RegularizerStats> none = headline.stream().filter(RegularizerStats::isBaseline).findFirst();
        if (none.isEmpty() || none.get().completed().isEmpty()) {
            return headline;
        }
        List<Comparison> family = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < headline.size(); i++) {
            RegularizerStats r = headline.get(i);
            if (r.isBaseline()) {
                continue;
            }
            for (Metric m : Metric.compared(task)) {
                family.add(Comparison.of(m, bySeed(r.completed(), m), bySeed(none.get().completed(), m)));
                owner.add(i);
            }
        }
        List<RegularizerStats> out = new ArrayList<>();
        for (int i = 0; i < headline.size(); i++) {
            RegularizerStats r = headline.get(i);
            List<Comparison> mine = new ArrayList<>();
            for (int k = 0; k < family.size(); k++) {
                if (owner.get(k) == i) {
                    mine.add(family.get(k));
                }
            }
            out.add(r.withComparisons(mine));
        }
        return out;
    }

    /**
     * One Holm family per question: each compared metric against none, over every regularizer and every data
     * condition of a section, is one family — the primary metric's the one conclusions rest on, each secondary
     * metric its own.
     */
    static List<Condition> holm(List<Condition> conditions) {
        Map<Metric, List<Comparison>> families = new EnumMap<>(Metric.class);
        conditions.forEach(c -> c.headline().forEach(r -> r.vsBaseline().forEach(x ->
                families.computeIfAbsent(x.metric(), k -> new ArrayList<>()).add(x))));
        Map<Comparison, Comparison> adjusted = new java.util.IdentityHashMap<>();
        families.values().forEach(f -> {
            List<Comparison> a = Comparison.holm(f);
            for (int i = 0; i < f.size(); i++) {
                adjusted.put(f.get(i), a.get(i));
            }
        });
        return conditions.stream().map(c -> new Condition(c.trainSize(), c.labelNoise(), c.headline().stream()
                .map(r -> r.withComparisons(r.vsBaseline().stream().map(adjusted::get).toList())).toList(),
                c.paths(), c.selection(), c.tuneSeeds(), c.budgets())).toList();
    }

    static Map<Long, Double> bySeed(List<RunResult> runs, Metric metric) {
        Map<Long, Double> values = new TreeMap<>();
        for (RunResult r : runs) {
            Double v = metric.of(r);
            if (v != null) {
                values.put(r.seed(), v);
            }
        }
        return values;
    }

    static double[] values(List<RunResult> runs, Metric metric) {
        return runs.stream().map(metric::of).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }

    private static List<CurvePoint> curve(List<RunResult> completed) {
        int epochs = completed.stream().mapToInt(r -> r.epochs().size()).min().orElse(0);
        List<CurvePoint> points = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            final int index = e;
            Function<Function<EpochMetrics, Double>, Summary> over = f -> Summary.of(completed.stream()
                    .map(r -> f.apply(r.epochs().get(index))).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).toArray());
            points.add(new CurvePoint(completed.get(0).epochs().get(index).epoch(), over.apply(m -> m.train().loss()),
                    over.apply(m -> m.validation() == null ? null : m.validation().loss()),
                    over.apply(m -> m.test().loss()), over.apply(m -> m.train().accuracy()),
                    over.apply(m -> m.test().accuracy())));
        }
        return points;
    }

    /**
     * One path per swept parameter of a regularizer: the parameter varies over its grid values, the other swept
     * parameters are held at the chosen point (or at their smallest value if nothing was chosen).
     */
    private static List<RegularizationPath> paths(List<RunResult> runs, Optional<Map<String, Double>> chosen) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.point().keySet()));
        List<RegularizationPath> paths = new ArrayList<>();
        for (String key : keys) {
            Map<String, Double> fixed = new LinkedHashMap<>();
            for (String other : keys) {
                if (!other.equals(key)) {
                    fixed.put(other, chosen.map(c -> c.get(other)).orElseGet(() -> runs.stream()
                            .map(r -> r.point().get(other)).filter(Objects::nonNull).min(Double::compare).orElse(0.0)));
                }
            }
            TreeMap<Double, List<RunResult>> byValue = new TreeMap<>();
            for (RunResult r : runs) {
                boolean onPath = r.point().containsKey(key)
                        && fixed.entrySet().stream().allMatch(f -> f.getValue().equals(r.point().get(f.getKey())));
                if (onPath) {
                    byValue.computeIfAbsent(r.point().get(key), k -> new ArrayList<>()).add(r);
                }
            }
            List<RegularizationPath.Point> points = new ArrayList<>();
            byValue.forEach((value, rs) -> {
                List<RunResult> done = rs.stream().filter(r -> r.status() == RunStatus.COMPLETED).toList();
                points.add(new RegularizationPath.Point(value, summary(done, Metric.TRAIN_LOSS),
                        summary(done, Metric.VALIDATION_LOSS), summary(done, Metric.TEST_LOSS),
                        summary(done, Metric.TRAIN_ERROR), summary(done, Metric.VALIDATION_ERROR),
                        summary(done, Metric.TEST_ERROR), rs.size() - done.size()));
            });
            RunResult any = runs.get(0);
            paths.add(new RegularizationPath(any.regularizer().name(), any.regularizer().kind(), key, fixed, points,
                    chosen.map(c -> c.get(key))));
        }
        return paths;
    }

    private static Summary summary(List<RunResult> runs, Metric metric) {
        return Summary.of(values(runs, metric));
    }

    private static Section.Provenance provenance(List<RunResult> runs) {
        TreeSet<String> suites = new TreeSet<>();
        Map<Stage, TreeSet<Long>> seeds = new EnumMap<>(Stage.class);
        TreeSet<Integer> epochs = new TreeSet<>();
        TreeSet<String> overrides = new TreeSet<>();
        List<dev.regbench.reports.schema.Environment> environments = new ArrayList<>();
        String first = null;
        String last = null;
        for (RunResult r : runs) {
            suites.add(r.suite().name() + " (" + r.suite().file() + ", sha256 " + r.suite().sha256() + ")");
            seeds.computeIfAbsent(r.stage(), k -> new TreeSet<>()).add(r.seed());
            epochs.add(r.network().epochs());
            overrides.addAll(r.suite().overrides());
            if (environments.stream().noneMatch(e -> e.withoutClock().equals(r.environment().withoutClock()))) {
                environments.add(r.environment()); // one row per machine and software, whatever the clock said
            }
            first = first == null || r.startedAt().compareTo(first) < 0 ? r.startedAt() : first;
            last = last == null || r.finishedAt().compareTo(last) > 0 ? r.finishedAt() : last;
        }
        String seedText = seeds.entrySet().stream().map(e -> (e.getKey() == Stage.SINGLE ? "" : e.getKey().id() + " ")
                + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return new Section.Provenance(List.copyOf(suites), seedText, List.copyOf(epochs), environments, first, last,
                runs, List.copyOf(overrides));
    }
}
