package dev.regbench.reports.stats;

import dev.regbench.reports.input.Inputs;
import dev.regbench.reports.input.LoadedRun;
import dev.regbench.reports.input.Source;
import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import dev.regbench.reports.schema.TaskType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Computes a {@link ReportModel} from loaded runs: groups, summaries, comparisons, curves, provenance. */
public final class ReportBuilder {
    /** Metrics compared against the baseline, besides the task's test-performance metric. */
    private static final List<Metric> COMPARED = List.of(Metric.LOSS_GAP, Metric.TEST_LOSS);

    private ReportBuilder() {
    }

    /**
     * @param inputs    what was read
     * @param generated timestamp to print
     * @return the model
     */
    public static ReportModel build(Inputs inputs, String generated) {
        Map<String, List<LoadedRun>> sections = new LinkedHashMap<>();
        for (LoadedRun run : inputs.runs()) {
            sections.computeIfAbsent(run.source().label() + "\u0000" + run.result().dataset().name(),
                    k -> new ArrayList<>()).add(run);
        }
        List<DatasetReport> reports = new ArrayList<>();
        for (List<LoadedRun> runs : sections.values()) {
            reports.add(section(runs));
        }
        return new ReportModel(reports, inputs.throughput(), inputs.problems(), generated);
    }

    private static DatasetReport section(List<LoadedRun> runs) {
        Source source = runs.get(0).source();
        RunResult first = runs.get(0).result();
        TaskType task = first.task();
        Map<String, List<RunResult>> byRegularizer = new LinkedHashMap<>(); // runs arrive none first (ResultLoader)
        runs.forEach(r -> byRegularizer.computeIfAbsent(r.result().regularizer().name(), k -> new ArrayList<>())
                .add(r.result()));
        List<RunResult> baseline = byRegularizer.values().stream()
                .filter(l -> l.get(0).regularizer().kind().equals("none")).findFirst().orElse(List.of())
                .stream().filter(r -> r.status() == RunStatus.COMPLETED).toList();
        List<RegularizerStats> stats = new ArrayList<>();
        for (List<RunResult> group : byRegularizer.values()) {
            stats.add(regularizer(group, task, baseline));
        }
        List<RunResult> all = runs.stream().map(LoadedRun::result).toList();
        return new DatasetReport(source, first.dataset().name(), task, stats, provenance(all));
    }

    private static RegularizerStats regularizer(List<RunResult> runs, TaskType task, List<RunResult> baseline) {
        List<RunResult> completed = runs.stream().filter(r -> r.status() == RunStatus.COMPLETED).toList();
        List<DivergedRun> diverged = runs.stream().filter(r -> r.status() == RunStatus.DIVERGED)
                .map(r -> new DivergedRun(r.seed(), r.divergedAtEpoch(), r.failure())).toList();
        Map<Metric, Summary> summaries = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (m.appliesTo(task)) {
                summaries.put(m, Summary.of(values(completed, m)));
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        boolean isBaseline = runs.get(0).regularizer().kind().equals("none");
        if (!isBaseline && !baseline.isEmpty()) {
            List<Metric> compared = new ArrayList<>(COMPARED);
            compared.add(1, Metric.testPerformance(task));
            for (Metric m : compared) {
                comparisons.add(Comparison.welch(m, values(completed, m), values(baseline, m)));
            }
        }
        return new RegularizerStats(runs.get(0).regularizer(), completed, diverged, summaries, comparisons,
                curve(completed));
    }

    static double[] values(List<RunResult> runs, Metric metric) {
        return runs.stream().map(metric::of).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }

    private static List<CurvePoint> curve(List<RunResult> completed) {
        int epochs = completed.stream().mapToInt(r -> r.epochs().size()).min().orElse(0);
        List<CurvePoint> points = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            final int index = e;
            double[] train = completed.stream().mapToDouble(r -> r.epochs().get(index).trainLoss()).toArray();
            double[] test = completed.stream().mapToDouble(r -> r.epochs().get(index).testLoss()).toArray();
            EpochMetrics any = completed.get(0).epochs().get(index);
            points.add(new CurvePoint(any.epoch(), Summary.of(train), Summary.of(test)));
        }
        return points;
    }

    private static DatasetReport.Provenance provenance(List<RunResult> runs) {
        TreeSet<String> suites = new TreeSet<>();
        TreeSet<Long> seeds = new TreeSet<>();
        TreeSet<Integer> epochs = new TreeSet<>();
        TreeSet<String> overrides = new TreeSet<>();
        List<dev.regbench.reports.schema.Environment> environments = new ArrayList<>();
        String first = null;
        String last = null;
        for (RunResult r : runs) {
            suites.add(r.suite().name() + " (" + r.suite().file() + ", sha256 " + r.suite().sha256() + ")");
            seeds.add(r.seed());
            epochs.add(r.network().epochs());
            overrides.addAll(r.suite().overrides());
            if (!environments.contains(r.environment())) {
                environments.add(r.environment());
            }
            first = first == null || r.startedAt().compareTo(first) < 0 ? r.startedAt() : first;
            last = last == null || r.finishedAt().compareTo(last) > 0 ? r.finishedAt() : last;
        }
        return new DatasetReport.Provenance(List.copyOf(suites), List.copyOf(seeds), List.copyOf(epochs),
                environments, first, last, runs, List.copyOf(overrides));
    }
}
