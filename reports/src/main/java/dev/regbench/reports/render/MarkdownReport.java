package dev.regbench.reports.render;

import dev.regbench.reports.plot.Figure;
import java.util.List;


/** {@code report.md}: GitHub-renderable Markdown with PNG figures in {@code figures/}. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * @param content the rendered report
     * @return Markdown text
     */
    public static String render(ReportContent content) {
        StringBuilder b = new StringBuilder();
        b.append("# regbench report: test performance under regularization, and the generalization gap\n\n");
        b.append("Generated ").append(content.model().generated()).append(" by `regbench report`. ")
                .append("Every number below is computed from the run result files; see the provenance table of each "
                        + "section for suites, seeds and the environment.\n\n");
        b.append("Sections: ").append(String.join(", ", content.sections().stream().map(s -> escape(s.title()))
                .toList())).append(". Each opens with its headline table and conclusion; details follow.\n\n");
        for (ReportContent.RenderedSection s : content.sections()) {
            b.append("## ").append(escape(s.title())).append("\n\n");
            for (Block block : s.blocks()) {
                if (block instanceof Block.Heading h) {
                    b.append("### ").append(escape(h.text())).append("\n\n");
                } else if (block instanceof Block.Text t) {
                    b.append(escape(t.text())).append("\n\n");
                } else if (block instanceof Block.Items items) {
                    items.items().forEach(i -> b.append("- ").append(items.warn() ? "**" + escape(i) + "**"
                            : escape(i)).append("\n"));
                    b.append("\n");
                } else if (block instanceof Block.TableBlock t) {
                    table(b, t.table());
                } else if (block instanceof Block.FigureBlock f) {
                    figure(b, f.figure());
                }
            }
        }
        if (content.ranks().isPresent()) {
            b.append("## Across conditions: average ranks\n\n");
            content.ranksFigure().ifPresent(f -> figure(b, f));
            table(b, content.ranks().get());
        }
        if (content.agreements().isPresent()) {
            b.append("## Agreement between result sets\n\n");
            table(b, content.agreements().get());
        }
        if (content.throughput().isPresent()) {
            b.append("## Training throughput (JMH)\n\n");
            table(b, content.throughput().get());
            content.throughputFigure().ifPresent(f -> figure(b, f));
        }
        if (!content.model().problems().isEmpty() || !content.model().notes().isEmpty()) {
            b.append("## Input problems\n\nFiles listed as skipped could not be used; everything else was.\n\n");
            for (String p : content.model().problems()) {
                b.append("- skipped: ").append(escape(p)).append("\n");
            }
            for (String n : content.model().notes()) {
                b.append("- note: ").append(escape(n)).append("\n");
            }
            b.append("\n");
        }
        return b.toString();
    }

    private static void figure(StringBuilder b, Figure f) {
        b.append("### ").append(f.title()).append("\n\n");
        b.append("![").append(f.title()).append("](figures/").append(f.id()).append(".png)\n\n");
        b.append("*").append(f.caption()).append("*\n\n");
    }

    private static void table(StringBuilder b, Table t) {
        b.append("| ").append(String.join(" | ", t.headers().stream().map(MarkdownReport::escape).toList())).append(" |\n");
        b.append("|").append("---|".repeat(t.headers().size())).append("\n");
        for (List<String> row : t.rows()) {
            b.append("| ").append(String.join(" | ", row.stream().map(MarkdownReport::escape).toList())).append(" |\n");
        }
        b.append("\n");
        if (!t.note().isEmpty()) {
            b.append(t.note()).append("\n\n");
        }
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
