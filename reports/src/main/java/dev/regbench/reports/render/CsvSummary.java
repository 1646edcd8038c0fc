package dev.regbench.reports.render;

import dev.regbench.reports.schema.RegularizerInfo;
import dev.regbench.reports.stats.Comparison;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.ReportModel;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code summary.csv}: one row per section × training-set size × regularizer of the headline runs (RFC 4180,
 * comma-separated, full-precision numbers, empty cells where a value does not exist). Columns are documented in
 * {@code reports/SCHEMA.md}.
 */
public final class CsvSummary {
    /** Metrics compared against none, in column order (regression compares test loss = MSE and the gap only). */
    static final List<Metric> COMPARED = List.of(Metric.TEST_ERROR, Metric.TEST_LOSS, Metric.LOSS_GAP);

    private CsvSummary() {
    }

    /** @return the header row's column names */
    public static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("source", "suite", "configuration", "dataset", "task", "protocol",
                "trainSize", "labelNoise", "regularizer", "kind", "lambda", "inputRetain", "hiddenRetain", "l1", "l2", "weightDecay",
                "maxNorm", "penalizeBiases", "runs",
                "completed", "diverged"));
        for (Metric m : Metric.values()) {
            for (String s : List.of("mean", "sd", "ciLow", "ciHigh")) {
                c.add(m.id() + "_" + s);
            }
        }
        for (Metric m : COMPARED) {
            for (String s : List.of("diff", "ciLow", "ciHigh", "p", "pHolm", "test")) {
                c.add("vsNone_" + m.id() + "_" + s);
            }
        }
        return c;
    }

    /**
     * @param model the report
     * @return the CSV text
     */
    public static String render(ReportModel model) {
        StringBuilder b = new StringBuilder();
        Csv.row(b, columns());
        for (Section section : model.sections()) {
            for (Condition condition : section.conditions()) {
                for (RegularizerStats r : condition.headline()) {
                    RegularizerInfo info = r.regularizer();
                    List<String> cells = new ArrayList<>(List.of(section.label(), section.suite(), section.experiment(),
                            section.dataset(), section.task().name().toLowerCase(Locale.ROOT),
                            section.protocol().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            Integer.toString(condition.trainSize()), Fmt.raw(condition.labelNoise()), info.name(), info.kind(), opt(info.lambda()),
                            opt(info.inputRetain()), opt(info.hiddenRetain()), opt(info.l1()), opt(info.l2()),
                            opt(info.weightDecay()), opt(info.maxNorm()), Boolean.toString(info.penalizeBiases()),
                            Integer.toString(r.completed().size() + r.diverged().size()),
                            Integer.toString(r.completed().size()), Integer.toString(r.diverged().size())));
                    for (Metric m : Metric.values()) {
                        Summary s = r.summaries().get(m);
                        boolean has = s != null && s.n() > 0;
                        cells.add(has ? Fmt.raw(s.mean()) : "");
                        cells.add(has ? Fmt.raw(s.sd()) : "");
                        cells.add(has ? Fmt.raw(s.ciLow()) : "");
                        cells.add(has ? Fmt.raw(s.ciHigh()) : "");
                    }
                    for (Metric m : COMPARED) {
                        Optional<Comparison> c = r.comparison(m);
                        cells.add(c.map(x -> Fmt.raw(x.difference())).orElse(""));
                        cells.add(c.map(x -> Fmt.raw(x.ciLow())).orElse(""));
                        cells.add(c.map(x -> Fmt.raw(x.ciHigh())).orElse(""));
                        cells.add(c.map(x -> Fmt.raw(x.pValue())).orElse(""));
                        cells.add(c.map(x -> Fmt.raw(x.pHolm())).orElse(""));
                        cells.add(c.map(x -> x.test().label()).orElse(""));
                    }
                    Csv.row(b, cells);
                }
            }
        }
        return b.toString();
    }

    private static String opt(Double d) {
        return d == null ? "" : Fmt.raw(d);
    }
}
