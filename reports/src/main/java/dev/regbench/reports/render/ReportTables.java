package dev.regbench.reports.render;

import dev.regbench.reports.input.ThroughputMeasurement;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RegularizerInfo;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Comparison;
import dev.regbench.reports.stats.DatasetReport;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report's tables, built once from the model and rendered by both the Markdown and the HTML writer. */
public final class ReportTables {
    private ReportTables() {
    }

    /** @return per regularizer: runs, final losses, accuracies or MSE, best epoch, weight statistics */
    public static Table summary(DatasetReport s) {
        boolean cls = s.task() == TaskType.CLASSIFICATION;
        List<String> headers = new ArrayList<>(List.of("regularizer", "settings", "n", "diverged", "train loss",
                "test loss", "loss gap"));
        if (cls) {
            headers.addAll(List.of("train acc (%)", "test acc (%)", "acc gap (pp)"));
        }
        headers.addAll(List.of("best test loss", "best epoch", "weight L2", "|w| < 1e-3 (%)"));
        List<List<String>> rows = new ArrayList<>();
        for (RegularizerStats r : s.regularizers()) {
            List<String> row = new ArrayList<>(List.of(r.name(), settings(r.regularizer()),
                    Integer.toString(r.completed().size()), Integer.toString(r.diverged().size()),
                    Fmt.meanCi(r.summary(Metric.TRAIN_LOSS)), Fmt.meanCi(r.summary(Metric.TEST_LOSS)),
                    Fmt.meanCi(r.summary(Metric.LOSS_GAP))));
            if (cls) {
                row.add(Fmt.meanCi(scaled(r.summary(Metric.TRAIN_ACCURACY), 100)));
                row.add(Fmt.meanCi(scaled(r.summary(Metric.TEST_ACCURACY), 100)));
                row.add(Fmt.meanCi(scaled(r.summary(Metric.ACCURACY_GAP), 100)));
            }
            row.add(Fmt.meanCi(r.summary(Metric.BEST_TEST_LOSS)));
            row.add(Fmt.meanCi(r.summary(Metric.BEST_EPOCH)));
            row.add(Fmt.meanCi(r.summary(Metric.WEIGHT_L2)));
            row.add(Fmt.meanCi(scaled(r.summary(Metric.NEAR_ZERO), 100)));
            rows.add(row);
        }
        String note = "Final values after the last epoch, mean ± 95 % CI half-width over completed seeds (Student t); "
                + "losses are data losses without the penalty (" + (cls ? "cross-entropy, nats" : "MSE")
                + "), measured in inference mode. Best: the epoch of lowest test loss.";
        return new Table(headers, rows, note);
    }

    /** @return per regularizer: differences to none with 95 % CI and Welch p-values */
    public static Table comparisons(DatasetReport s) {
        Metric perf = Metric.testPerformance(s.task());
        String perfName = perf == Metric.TEST_ERROR ? "Δ test error (pp)" : "Δ test MSE";
        List<String> headers = List.of("regularizer", "Δ loss gap [95 % CI]", "p", perfName + " [95 % CI]", "p",
                "Δ test loss [95 % CI]", "p");
        List<List<String>> rows = new ArrayList<>();
        for (RegularizerStats r : s.regularizers()) {
            if (r.vsBaseline().isEmpty()) {
                continue;
            }
            rows.add(List.of(r.name(), diff(r.comparison(Metric.LOSS_GAP)), p(r.comparison(Metric.LOSS_GAP)),
                    diff(r.comparison(perf)), p(r.comparison(perf)), diff(r.comparison(Metric.TEST_LOSS)),
                    p(r.comparison(Metric.TEST_LOSS))));
        }
        String note = "Difference of means (regularizer − none) with its 95 % CI (Welch–Satterthwaite) and the "
                + "two-sided p-value of Welch's t-test; no correction for multiple comparisons. "
                + rows.stream().filter(row -> row.get(2).equals("–")).findFirst()
                .map(x -> "–: no test possible (fewer than 2 completed seeds on a side, or no variation).").orElse("");
        return new Table(headers, rows, note.strip());
    }

    /** @return the provenance of a section: suites, seeds, epochs, environment, times */
    public static Table provenance(DatasetReport s) {
        DatasetReport.Provenance p = s.provenance();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("suite", String.join("; ", p.suites())));
        rows.add(List.of("seeds", p.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        rows.add(List.of("epochs", p.epochs().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        if (!p.overrides().isEmpty()) {
            rows.add(List.of("overrides", String.join(", ", p.overrides())));
        }
        var first = p.runs().get(0);
        rows.add(List.of("data", String.format(Locale.ROOT, "%s: %d training examples (%d evaluated as \"train\"), %d test",
                first.dataset().name(), first.dataset().trainSize(), first.dataset().evalTrainSize(),
                first.dataset().testSize())));
        rows.add(List.of("network", String.format(Locale.ROOT, "%s, %s, %s init, %s; %,d parameters; %s lr %s%s, batch %d",
                first.network().layerSizes().stream().map(String::valueOf).collect(Collectors.joining("-")),
                first.network().activation(), first.network().weightInit(), first.network().output(),
                first.network().parameters(), first.network().optimizer().type(),
                compact(first.network().optimizer().learningRate()),
                first.network().optimizer().momentum() == null ? "" : ", momentum " + compact(first.network().optimizer().momentum()),
                first.network().batchSize())));
        for (Environment e : p.environments()) {
            rows.add(List.of("environment", String.format(Locale.ROOT,
                    "%s backend%s, %s BLAS (%d thread%s), %d OpenMP thread%s, %s; %s (%d cores, %s); %s; DL4J %s; commit %s",
                    e.backend(), e.nativeBuild() == null ? "" : " (" + e.nativeBuild() + ")", e.blasVendor(),
                    e.blasThreads(), e.blasThreads() == 1 ? "" : "s", e.ompThreads(),
                    e.ompThreads() == 1 ? "" : "s", e.dataType(), e.cpuModel(),
                    e.cores(), e.cpuFlags(), e.jvm(), e.dl4jVersion(), e.gitCommit())));
        }
        rows.add(List.of("run", p.firstStarted() + " – " + p.lastFinished()));
        return new Table(List.of("", ""), rows, "");
    }

    /** @return the JMH throughput measurements, or empty if there are none */
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
                "examples / s", "GFLOP/s"), rows, "From the JMH JSON files given with --jmh. TrainStep: one training "
                + "step on one batch; Inference: forward pass; Gemm: ND4J sgemm (m×k×n), the ceiling; HarnessOverhead: "
                + "bare fit loop vs the harness's shuffle + gather + fit, in examples/s."));
    }

    private static String settings(RegularizerInfo r) {
        List<String> parts = new ArrayList<>();
        if (r.lambda() != null) {
            parts.add("λ = " + compact(r.lambda()));
        }
        if (r.inputRetain() != null) {
            parts.add("keep input " + r.inputRetain());
        }
        if (r.hiddenRetain() != null) {
            parts.add("keep hidden " + r.hiddenRetain());
        }
        if (r.penalizeBiases()) {
            parts.add("biases penalized");
        }
        return parts.isEmpty() ? r.kind() : r.kind() + ": " + String.join(", ", parts);
    }

    private static String compact(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private static Summary scaled(Summary s, double factor) {
        return new Summary(s.n(), s.mean() * factor, s.sd() * factor, s.ciLow() * factor, s.ciHigh() * factor);
    }

    private static String diff(Optional<Comparison> c) {
        if (c.isEmpty()) {
            return "–";
        }
        Comparison x = c.get();
        String d = Fmt.num(x.difference());
        return Double.isNaN(x.ciLow()) ? d : d + " [" + Fmt.num(x.ciLow()) + ", " + Fmt.num(x.ciHigh()) + "]";
    }

    private static String p(Optional<Comparison> c) {
        return c.map(x -> Fmt.p(x.pValue())).orElse("–");
    }
}
