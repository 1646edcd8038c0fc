package dev.regbench.reports.render;

import dev.regbench.reports.plot.Figure;
import dev.regbench.reports.plot.GapBars;
import dev.regbench.reports.plot.LearningCurves;
import dev.regbench.reports.plot.PolynomialFits;
import dev.regbench.reports.plot.ThroughputBars;
import dev.regbench.reports.plot.WeightHistograms;
import dev.regbench.reports.stats.DatasetReport;
import dev.regbench.reports.stats.ReportModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rendered pieces of a report, computed once and shared by the Markdown and HTML writers: per section the
 * conclusion, tables and figures; globally the throughput table and figure.
 *
 * @param model      the numbers
 * @param sections   rendered sections, in model order
 * @param throughput JMH table, if any
 * @param throughputFigure JMH figure, if any
 */
public record ReportContent(ReportModel model, List<Section> sections, Optional<Table> throughput,
                            Optional<Figure> throughputFigure) {

    /**
     * One rendered section.
     *
     * @param report     its numbers
     * @param anchor     HTML anchor / file-name stem
     * @param conclusion plain-language sentences
     * @param tables     summary, comparisons, provenance
     * @param figures    its figures
     */
    public record Section(DatasetReport report, String anchor, List<String> conclusion, Table summary,
                          Table comparisons, Table provenance, List<Figure> figures) {
    }

    /** @return every figure of the report */
    public List<Figure> figures() {
        List<Figure> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.figures()));
        throughputFigure.ifPresent(all::add);
        return all;
    }

    /**
     * @param model the numbers
     * @return everything rendered (plots drawn here)
     */
    public static ReportContent of(ReportModel model) {
        List<Section> sections = new ArrayList<>();
        for (DatasetReport r : model.sections()) {
            String anchor = slug(r.source().label() + "-" + r.dataset());
            List<Figure> figures = new ArrayList<>();
            LearningCurves.draw(r, anchor + "-learning-curves").ifPresent(figures::add);
            GapBars.draw(r, anchor + "-gap").ifPresent(figures::add);
            PolynomialFits.draw(r, anchor + "-fits").ifPresent(figures::add);
            WeightHistograms.draw(r, anchor + "-weights").ifPresent(figures::add);
            sections.add(new Section(r, anchor, Conclusion.of(r), ReportTables.summary(r), ReportTables.comparisons(r),
                    ReportTables.provenance(r), figures));
        }
        return new ReportContent(model, sections, ReportTables.throughput(model.throughput()),
                ThroughputBars.draw(model.throughput(), "throughput"));
    }

    static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "section" : slug;
    }
}
