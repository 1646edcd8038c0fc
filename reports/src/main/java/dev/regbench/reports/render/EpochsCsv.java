package dev.regbench.reports.render;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.SplitMetrics;
import dev.regbench.reports.stats.ReportModel;
import dev.regbench.reports.stats.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code epochs.csv}: the tidy long format for pandas and R — one row per run × epoch × split, every grid
 * coordinate in a column of its own (one column per swept parameter of any run), both stages, diverged runs'
 * epochs included (with their status). Columns are documented in {@code reports/SCHEMA.md}.
 */
public final class EpochsCsv {
    private static final List<String> FIRST = List.of("source", "suite", "configuration", "dataset", "stage",
            "regularizer", "kind", "trainSize", "labelNoise", "seed", "status");
    private static final List<String> LAST = List.of("reportedEpoch", "epoch", "split", "loss", "accuracy",
            "errorPercent", "lossGap", "penalty", "weightL2", "nearZeroFraction", "maxUnitNorm");

    private EpochsCsv() {
    }

    /**
     * @param model the report
     * @return the CSV text
     */
    public static String render(ReportModel model) {
        Set<String> parameters = new TreeSet<>();
        for (Section s : model.sections()) {
            for (RunResult r : s.provenance().runs()) {
                parameters.addAll(r.regularizer().parameters().keySet());
            }
        }
        List<String> header = new ArrayList<>(FIRST);
        header.addAll(parameters);
        header.addAll(LAST);
        StringBuilder b = new StringBuilder();
        Csv.row(b, header);
        for (Section s : model.sections()) {
            for (RunResult r : s.provenance().runs()) {
                List<String> prefix = new ArrayList<>(List.of(s.label(), s.suite(), s.experiment(), s.dataset(),
                        r.stage().id(), r.regularizer().name(), r.regularizer().kind(),
                        Integer.toString(r.dataset().trainSize()), Fmt.raw(r.dataset().labelNoiseOrZero()),
                        Long.toString(r.seed()),
                        r.status().name().toLowerCase(Locale.ROOT)));
                for (String p : parameters) {
                    prefix.add(value(r, p));
                }
                prefix.add(r.epochChoice() == null ? "" : Integer.toString(r.epochChoice().epoch()));
                for (EpochMetrics m : r.epochs()) {
                    split(b, prefix, m, "train", m.train());
                    split(b, prefix, m, "validation", m.validation());
                    split(b, prefix, m, "test", m.test());
                }
            }
        }
        return b.toString();
    }

    private static String value(RunResult r, String parameter) {
        Double v = r.regularizer().parameters().get(parameter);
        return v == null ? "" : Fmt.raw(v);
    }

    private static void split(StringBuilder b, List<String> prefix, EpochMetrics m, String split, SplitMetrics v) {
        if (v == null) {
            return;
        }
        List<String> cells = new ArrayList<>(prefix);
        cells.add(Integer.toString(m.epoch()));
        cells.add(split);
        cells.add(v.loss() == null ? "" : Fmt.raw(v.loss()));
        cells.add(v.accuracy() == null ? "" : Fmt.raw(v.accuracy()));
        cells.add(v.errorPercent() == null ? "" : Fmt.raw(v.errorPercent()));
        cells.add(m.lossGap() == null ? "" : Fmt.raw(m.lossGap()));
        cells.add(Fmt.raw(m.penalty()));
        cells.add(Fmt.raw(m.weightL2()));
        cells.add(Fmt.raw(m.nearZeroFraction()));
        cells.add(m.maxUnitNorm() == null ? "" : Fmt.raw(m.maxUnitNorm()));
        Csv.row(b, cells);
    }
}
