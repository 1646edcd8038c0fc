package dev.regbench.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regbench.reports.input.ThroughputMeasurement;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.stats.Comparison;
import dev.regbench.reports.stats.DatasetReport;
import dev.regbench.reports.stats.DivergedRun;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.ReportModel;
import dev.regbench.reports.stats.Summary;
import java.io.UncheckedIOException;
import java.util.Locale;

/** {@code summary.json}: the same numbers as {@code summary.csv}, nested, plus provenance; NaN becomes null. */
public final class JsonSummary {
    /** Version of the summary.json layout. */
    public static final int SUMMARY_VERSION = 1;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonSummary() {
    }

    /**
     * @param model the report
     * @return the JSON text
     */
    public static String render(ReportModel model) {
        ObjectNode root = F.objectNode();
        root.put("summaryVersion", SUMMARY_VERSION);
        root.put("generated", model.generated());
        root.put("confidence", Summary.CONFIDENCE);
        root.put("alpha", Conclusion.ALPHA);
        ArrayNode sections = root.putArray("sections");
        for (DatasetReport s : model.sections()) {
            ObjectNode o = sections.addObject();
            o.put("source", s.source().label());
            o.put("dataset", s.dataset());
            o.put("task", s.task().name().toLowerCase(Locale.ROOT));
            ObjectNode p = o.putObject("provenance");
            s.provenance().suites().forEach(p.putArray("suites")::add);
            s.provenance().seeds().forEach(p.putArray("seeds")::add);
            s.provenance().epochs().forEach(p.putArray("epochs")::add);
            s.provenance().overrides().forEach(p.putArray("overrides")::add);
            p.set("environments", RunResultFiles.mapper().valueToTree(s.provenance().environments()));
            p.put("firstStarted", s.provenance().firstStarted());
            p.put("lastFinished", s.provenance().lastFinished());
            ArrayNode regs = o.putArray("regularizers");
            for (RegularizerStats r : s.regularizers()) {
                ObjectNode ro = regs.addObject();
                ro.set("regularizer", RunResultFiles.mapper().valueToTree(r.regularizer()));
                ro.put("completed", r.completed().size());
                ArrayNode div = ro.putArray("diverged");
                for (DivergedRun d : r.diverged()) {
                    div.addObject().put("seed", d.seed()).put("epoch", d.epoch()).put("failure", d.failure());
                }
                ObjectNode metrics = ro.putObject("metrics");
                for (Metric m : Metric.values()) {
                    Summary sum = r.summaries().get(m);
                    if (sum != null && sum.n() > 0) {
                        ObjectNode mo = metrics.putObject(m.id());
                        mo.put("n", sum.n());
                        number(mo, "mean", sum.mean());
                        number(mo, "sd", sum.sd());
                        number(mo, "ciLow", sum.ciLow());
                        number(mo, "ciHigh", sum.ciHigh());
                    }
                }
                ArrayNode cmp = ro.putArray("vsNone");
                for (Comparison c : r.vsBaseline()) {
                    ObjectNode co = cmp.addObject();
                    co.put("metric", c.metric().id());
                    number(co, "difference", c.difference());
                    number(co, "ciLow", c.ciLow());
                    number(co, "ciHigh", c.ciHigh());
                    number(co, "pValue", c.pValue());
                    co.put("n", c.n());
                    co.put("nBaseline", c.nBaseline());
                    if (!c.note().isEmpty()) {
                        co.put("note", c.note());
                    }
                }
            }
            Conclusion.of(s).forEach(o.putArray("conclusion")::add);
        }
        ArrayNode tp = root.putArray("throughput");
        for (ThroughputMeasurement m : model.throughput()) {
            ObjectNode t = tp.addObject();
            t.put("benchmark", m.benchmark()).put("params", m.params()).put("task", m.task()).put("regularizer", m.regularizer())
                    .put("batchSize", m.batchSize()).put("backend", m.backend()).put("unit", m.unit());
            number(t, "score", m.score());
            number(t, "error", m.error());
            number(t, "examplesPerSecond", m.examplesPerSecond());
            number(t, "gflopPerSecond", m.gflopPerSecond());
        }
        model.problems().forEach(root.putArray("problems")::add);
        try {
            return RunResultFiles.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
