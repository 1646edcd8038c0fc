package dev.regbench.reports.render;

import dev.regbench.reports.plot.CriticalDifference;
import dev.regbench.reports.plot.Figure;
import dev.regbench.reports.plot.ForestPlot;
import dev.regbench.reports.plot.PairedSeeds;
import dev.regbench.reports.plot.TuningBudgetCurves;
import dev.regbench.reports.plot.GapBars;
import dev.regbench.reports.plot.LearningCurves;
import dev.regbench.reports.plot.MemorizationCurves;
import dev.regbench.reports.plot.PolynomialFits;
import dev.regbench.reports.plot.RegularizationPaths;
import dev.regbench.reports.plot.ThroughputBars;
import dev.regbench.reports.plot.TrainingSizes;
import dev.regbench.reports.plot.WeightHistograms;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.DivergedRun;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.ReportModel;
import dev.regbench.reports.stats.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rendered report, laid out once and shared by the Markdown and HTML writers: per section its conclusions
 * and an ordered list of blocks (tables, figures, notes); globally the throughput table and figure.
 *
 * @param model            the numbers
 * @param sections         rendered sections, in model order
 * @param throughput       JMH table, if any
 * @param throughputFigure JMH figure, if any
 * @param agreements       equivalence tests between result sets of one suite, if there are several
 * @param ranks            the regularizers ranked across the report's conditions, if there are three or more
 * @param ranksFigure      their critical-difference diagram
 */
public record ReportContent(ReportModel model, List<RenderedSection> sections, Optional<Table> throughput,
                            Optional<Figure> throughputFigure, Optional<Table> agreements, Optional<Table> ranks,
                            Optional<Figure> ranksFigure) {

    /**
     * One rendered section.
     *
     * @param report     its numbers
     * @param anchor     HTML anchor / file-name stem
     * @param title      its heading
     * @param conclusion plain-language lines (one per arm, with the protocol and verdict), condition by condition
     * @param blocks     everything under its heading, in order
     */
    public record RenderedSection(Section report, String anchor, String title, List<String> conclusion,
                                  List<Block> blocks) {
        /** @return the section's figures */
        public List<Figure> figures() {
            return blocks.stream().filter(b -> b instanceof Block.FigureBlock).map(b -> ((Block.FigureBlock) b).figure())
                    .toList();
        }
    }

    /** @return every figure of the report */
    public List<Figure> figures() {
        List<Figure> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.figures()));
        ranksFigure.ifPresent(all::add);
        throughputFigure.ifPresent(all::add);
        return all;
    }

    /**
     * @param model the numbers
     * @return everything rendered (plots drawn here)
     */
    public static ReportContent of(ReportModel model) {
        List<RenderedSection> sections = new ArrayList<>();
        for (Section s : model.sections()) {
            sections.add(section(s));
        }
        return new ReportContent(model, sections, ReportTables.throughput(model.throughput()),
                ThroughputBars.draw(model.throughput(), "throughput"), ReportTables.agreements(model.agreements()),
                model.ranks().map(ReportTables::ranks), model.ranks().flatMap(r -> CriticalDifference.draw(r, "critical-difference")));
    }

    private static RenderedSection section(Section s) {
        String anchor = slug(s.label() + "-" + s.dataset());
        String title = s.label() + " — " + s.dataset();
        List<Block> blocks = new ArrayList<>();
        List<String> conclusion = new ArrayList<>();
        boolean several = s.conditions().size() > 1;
        // First screen: per condition, the compact headline table.
        for (Condition c : s.conditions()) {
            ReportTables.glance(s, c).ifPresent(t -> {
                blocks.add(new Block.Heading("At a glance" + (several ? " (" + c.label() + ")" : "")));
                blocks.add(new Block.TableBlock(t, true));
                ForestPlot.draw(s, c, anchor + (several ? "-" + c.slug() : "") + "-forest")
                        .ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
                PairedSeeds.draw(s, c, anchor + (several ? "-" + c.slug() : "") + "-seeds")
                        .ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
            });
        }
        int conclusionAt = blocks.size();
        blocks.add(new Block.Heading("Provenance"));
        blocks.add(new Block.TableBlock(ReportTables.provenance(s), false));
        if (several) {
            TrainingSizes.draw(s, anchor + "-sizes").ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
            MemorizationCurves.draw(s, anchor + "-memorization").ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
        }
        for (Condition c : s.conditions()) {
            String where = several ? c.label() : "";
            String stem = anchor + (several ? "-" + c.slug() : "");
            List<String> sentences = Conclusion.of(s, c);
            for (int i = 0; i < sentences.size(); i++) {
                conclusion.add((several && i == 0 ? "With " + where + ": " : "") + sentences.get(i));
            }
            if (several) {
                blocks.add(new Block.Heading(where));
                blocks.add(new Block.Text(String.join(" ", sentences)));
            }
            if (!c.headline().isEmpty()) {
                blocks.add(new Block.Heading(headline(s) + (several ? " (" + where + ")" : "")));
                blocks.add(new Block.TableBlock(ReportTables.headline(s, c), true));
                ReportTables.reference(s, c).ifPresent(t -> {
                    blocks.add(new Block.Heading("Published reference" + (several ? " (" + where + ")" : "")));
                    blocks.add(new Block.TableBlock(t, true));
                });
                Table comparisons = ReportTables.comparisons(s, c);
                if (!comparisons.rows().isEmpty()) {
                    blocks.add(new Block.Heading("Against no regularization" + (several ? " (" + where + ")" : "")));
                    blocks.add(new Block.TableBlock(comparisons, true));
                }
                List<String> diverged = new ArrayList<>();
                for (RegularizerStats r : c.headline()) {
                    for (DivergedRun d : r.diverged()) {
                        diverged.add("diverged: " + r.name() + " seed " + d.seed() + ": " + d.failure());
                    }
                }
                if (!diverged.isEmpty()) {
                    blocks.add(new Block.Items(diverged, true));
                }
            }
            ReportTables.selection(s, c).ifPresent(t -> {
                blocks.add(new Block.Heading("Selection on validation" + (several ? " (" + where + ")" : "")));
                blocks.add(new Block.TableBlock(t, true));
            });
            ReportTables.tuningBudget(s, c).ifPresent(t -> {
                blocks.add(new Block.Heading("Tuning budget" + (several ? " (" + where + ")" : "")));
                TuningBudgetCurves.draw(s, c, stem + "-budget").ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
                blocks.add(new Block.TableBlock(t, true));
            });
            RegularizationPaths.draw(s, c, stem + "-paths").ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
            ReportTables.paths(s, c).ifPresent(t -> {
                blocks.add(new Block.Heading("Regularization paths" + (several ? " (" + where + ")" : "")));
                blocks.add(new Block.TableBlock(t, true));
            });
            if (!several || c == s.conditions().get(s.conditions().size() - 1)) {
                LearningCurves.draw(s, c, stem + "-learning-curves").ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
                GapBars.draw(s, c, stem + "-gap").ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
                PolynomialFits.draw(s, c, stem + "-fits").ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
                WeightHistograms.draw(s, c, stem + "-weights").ifPresent(f -> blocks.add(new Block.FigureBlock(f)));
            }
        }
        // ... followed by the conclusion, one line per arm, before any detail.
        blocks.add(conclusionAt, new Block.Items(conclusion, false));
        blocks.add(conclusionAt, new Block.Heading("Conclusion"));
        return new RenderedSection(s, anchor, title, conclusion, blocks);
    }

    private static String headline(Section s) {
        return switch (s.protocol()) {
            case TWO_STAGE -> "Evaluation runs (chosen settings, fresh seeds)";
            case FIXED -> "Results (settings fixed by the suite)";
            case EXPLORATORY -> "Results";
        };
    }

    static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "section" : slug;
    }
}
