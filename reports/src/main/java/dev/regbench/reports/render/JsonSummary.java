package dev.regbench.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regbench.reports.input.ThroughputMeasurement;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.reports.select.PointChoice;
import dev.regbench.reports.select.PointScore;
import dev.regbench.reports.stats.Comparison;
import dev.regbench.reports.stats.Agreement;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.Equivalence;
import dev.regbench.reports.stats.DivergedRun;
import dev.regbench.reports.stats.Metric;
import dev.regbench.reports.stats.RegularizationPath;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.ReportModel;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.Summary;
import dev.regbench.reports.stats.TuningBudget;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code summary.json}: the same numbers as {@code summary.csv}, nested per section and training-set size, plus
 * the selection, the regularization paths, the conclusions and provenance; NaN becomes null.
 */
public final class JsonSummary {
    /** Version of the summary.json layout (2: conditions, selection, paths, paired comparisons with Holm; 3: Holm families per metric, power, probability of improvement, per-seed values, budgets, grid edges; 4: tuningBudget, the expected best choice per tuning budget; ranks across conditions). */
    public static final int SUMMARY_VERSION = 4;
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
        root.put("multipleComparisons", "holm");
        ArrayNode sections = root.putArray("sections");
        for (Section s : model.sections()) {
            ObjectNode o = sections.addObject();
            o.put("source", s.label());
            o.put("suite", s.suite());
            o.put("configuration", s.experiment());
            o.put("dataset", s.dataset());
            o.put("task", s.task().name().toLowerCase(Locale.ROOT));
            o.put("protocol", s.protocol().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            ObjectNode policy = o.putObject("selection");
            policy.put("metric", s.policy().metric().id());
            policy.put("epoch", s.policy().rule().id());
            if (s.policy().patience() != null) {
                policy.put("patience", s.policy().patience());
            }
            ObjectNode p = o.putObject("provenance");
            s.provenance().suites().forEach(p.putArray("suites")::add);
            p.put("seeds", s.provenance().seeds());
            s.provenance().epochs().forEach(p.putArray("epochs")::add);
            s.provenance().overrides().forEach(p.putArray("overrides")::add);
            p.set("environments", RunResultFiles.mapper().valueToTree(s.provenance().environments()));
            ArrayNode impl = p.putArray("implementations");
            s.provenance().runs().stream().map(r -> r.implementation() + "\u0000" + r.activationLayout() + "\u0000"
                    + r.implementationNote()).distinct().sorted().forEach(key -> {
                        String[] k = key.split("\u0000", -1);
                        ObjectNode i = impl.addObject().put("implementation", k[0].equals("null") ? "unrecorded" : k[0]);
                        if (!k[1].equals("null")) {
                            i.put("activationLayout", k[1]);
                        }
                        if (!k[2].equals("null")) {
                            i.put("note", k[2]);
                        }
                    });
            p.put("firstStarted", s.provenance().firstStarted());
            p.put("lastFinished", s.provenance().lastFinished());
            ArrayNode conditions = o.putArray("conditions");
            for (Condition c : s.conditions()) {
                condition(conditions.addObject(), s, c);
            }
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
        model.ranks().ifPresent(r -> {
            ObjectNode ro = root.putObject("ranks");
            r.blocks().forEach(ro.putArray("conditions")::add);
            ArrayNode arms = ro.putArray("regularizers");
            for (int i = 0; i < r.arms().size(); i++) {
                ObjectNode ao = arms.addObject().put("regularizer", r.arms().get(i));
                number(ao, "averageRank", r.averageRanks().get(i));
                ArrayNode per = ao.putArray("ranks");
                for (java.util.List<Double> block : r.blockRanks()) {
                    per.add(block.get(i));
                }
            }
            number(ro, "friedmanChiSquare", r.chiSquare());
            number(ro, "friedmanP", r.pValue());
            number(ro, "imanDavenportF", r.imanDavenport());
            number(ro, "imanDavenportP", r.pImanDavenport());
            number(ro, "nemenyiCriticalDifference", r.criticalDifference());
            ArrayNode groups = ro.putArray("indistinguishable");
            r.indistinguishable().forEach(g -> {
                ArrayNode ga = groups.addArray();
                g.forEach(i -> ga.add(r.arms().get(i)));
            });
        });
        ArrayNode agreements = root.putArray("agreements");
        for (Agreement a : model.agreements()) {
            ObjectNode g = agreements.addObject().put("suite", a.suite()).put("condition", a.condition())
                    .put("regularizer", a.regularizer()).put("metric", a.metric().id()).put("a", a.setA())
                    .put("b", a.setB());
            number(g, "meanA", a.summaryA().mean());
            number(g, "meanB", a.summaryB().mean());
            Equivalence e = a.equivalence();
            g.put("test", e.test().label()).put("n", e.n()).put("nB", e.nB());
            number(g, "difference", e.difference());
            number(g, "ci90Low", e.ciLow());
            number(g, "ci90High", e.ciHigh());
            number(g, "margin", e.margin());
            number(g, "pTost", e.p());
            g.put("equivalent", e.tested() && e.equivalent());
        }
        model.problems().forEach(root.putArray("problems")::add);
        model.notes().forEach(root.putArray("notes")::add);
        try {
            return RunResultFiles.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void condition(ObjectNode o, Section s, Condition c) {
        o.put("trainSize", c.trainSize());
        if (c.labelNoise() > 0) {
            o.put("labelNoise", c.labelNoise());
        }
        c.tuneSeeds().forEach(o.putArray("tuneSeeds")::add);
        ArrayNode regs = o.putArray("regularizers");
        for (RegularizerStats r : c.headline()) {
            ObjectNode ro = regs.addObject();
            ro.set("regularizer", RunResultFiles.mapper().valueToTree(r.regularizer()));
            point(ro.putObject("point"), r.point());
            ro.put("completed", r.completed().size());
            r.completed().forEach(x -> ro.withArray("seeds").add(x.seed()));
            ArrayNode div = ro.putArray("diverged");
            for (DivergedRun d : r.diverged()) {
                div.addObject().put("seed", d.seed()).put("epoch", d.epoch()).put("failure", d.failure());
            }
            ObjectNode metrics = ro.putObject("metrics");
            for (Metric m : Metric.values()) {
                Summary sum = r.summaries().get(m);
                if (sum != null && sum.n() > 0) {
                    ObjectNode mo = metrics.putObject(m.id());
                    summary(mo, sum);
                    ObjectNode perSeed = mo.putObject("perSeed");
                    r.completed().forEach(x -> {
                        Double v = m.of(x);
                        if (v != null) {
                            perSeed.put(Long.toString(x.seed()), v);
                        }
                    });
                }
            }
            ArrayNode unstable = ro.putArray("unstable");
            r.completed().stream().filter(x -> x.unstable().isPresent()).forEach(x -> unstable.add(x.seed()));
            ArrayNode cmp = ro.putArray("vsNone");
            for (Comparison x : r.vsBaseline()) {
                ObjectNode co = cmp.addObject();
                co.put("metric", x.metric().id());
                co.put("test", x.test().label());
                number(co, "difference", x.difference());
                number(co, "ciLow", x.ciLow());
                number(co, "ciHigh", x.ciHigh());
                number(co, "pValue", x.pValue());
                number(co, "pHolm", x.pHolm());
                co.put("n", x.n());
                co.put("nBaseline", x.nBaseline());
                co.put("holmFamilySize", x.familySize());
                if (x.power() != null) {
                    number(co, "powerLevel", x.power().level());
                    number(co, "mde80", x.power().mde());
                    co.put("seedsToDetect", x.power().seedsNeeded());
                }
                if (x.improvement() != null && x.improvement().n() > 0) {
                    ObjectNode io = co.putObject("probabilityOfImprovement");
                    number(io, "share", x.improvement().share());
                    number(io, "wilsonLow", x.improvement().low());
                    number(io, "wilsonHigh", x.improvement().high());
                    number(io, "wins", x.improvement().wins());
                    io.put("n", x.improvement().n());
                }
                if (!x.note().isEmpty()) {
                    co.put("note", x.note());
                }
            }
        }
        ArrayNode selection = o.putArray("selection");
        for (Map.Entry<String, PointChoice> e : c.selection().entrySet()) {
            ObjectNode so = selection.addObject();
            so.put("regularizer", e.getKey());
            ArrayNode points = so.putArray("points");
            for (PointScore ps : e.getValue().scores()) {
                ObjectNode po = points.addObject();
                point(po.putObject("point"), ps.point());
                summary(po.putObject("validation"), ps.summary());
                po.put("diverged", ps.diverged());
            }
            if (e.getValue().chosen().isPresent()) {
                point(so.putObject("chosen"), e.getValue().chosen().get());
            } else {
                so.putNull("chosen");
            }
            so.put("configurations", e.getValue().scores().size());
            so.put("tuningSeeds", c.tuneSeeds().size());
            ArrayNode edges = so.putArray("atEdge");
            e.getValue().atEdge().forEach(edge -> edges.add(Fmt.edges(java.util.List.of(edge))));
        }
        ArrayNode budgets = o.putArray("tuningBudget");
        for (TuningBudget b : c.budgets()) {
            ObjectNode bo = budgets.addObject().put("regularizer", b.regularizer())
                    .put("configurations", b.configurations());
            ArrayNode steps = bo.putArray("expectedBest");
            b.steps().forEach(x -> {
                ObjectNode xo = steps.addObject().put("budget", x.budget());
                number(xo, "validation", x.validation());
                number(xo, "test", x.test());
            });
        }
        ArrayNode paths = o.putArray("paths");
        for (RegularizationPath path : c.paths()) {
            ObjectNode po = paths.addObject();
            po.put("regularizer", path.regularizer());
            po.put("parameter", path.parameter());
            point(po.putObject("fixed"), path.fixed());
            path.chosen().ifPresent(v -> po.put("chosen", v));
            ArrayNode values = po.putArray("points");
            for (RegularizationPath.Point q : path.points()) {
                ObjectNode qo = values.addObject();
                qo.put("value", q.value());
                summary(qo.putObject("trainLoss"), q.trainLoss());
                summary(qo.putObject("validationLoss"), q.validationLoss());
                summary(qo.putObject("testLoss"), q.testLoss());
                if (q.testError().n() > 0) {
                    summary(qo.putObject("trainErrorPercent"), q.trainError());
                    summary(qo.putObject("validationErrorPercent"), q.validationError());
                    summary(qo.putObject("testErrorPercent"), q.testError());
                }
                qo.put("diverged", q.diverged());
            }
        }
        Conclusion.of(s, c).forEach(o.putArray("conclusion")::add);
    }

    private static void summary(ObjectNode o, Summary s) {
        o.put("n", s.n());
        number(o, "mean", s.mean());
        number(o, "sd", s.sd());
        number(o, "ciLow", s.ciLow());
        number(o, "ciHigh", s.ciHigh());
    }

    private static void point(ObjectNode o, Map<String, Double> values) {
        values.forEach(o::put);
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
