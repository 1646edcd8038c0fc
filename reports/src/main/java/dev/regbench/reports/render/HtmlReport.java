package dev.regbench.reports.render;

import dev.regbench.reports.plot.Colors;
import dev.regbench.reports.plot.Figure;
import dev.regbench.reports.plot.Palette;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained file (inline CSS and SVG, no external resource, no network). A tiny
 * inline script records on {@code <body>} how many figure SVGs rendered with a non-empty bounding box
 * ({@code data-svg-rendered} / {@code data-svg-total}) and whether any script error occurred
 * ({@code data-errors}), so a headless browser can check the page.
 */
public final class HtmlReport {
    private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");
    private static final Pattern NUMERIC = Pattern.compile("[−\\-+<]?[0-9.,]+(e[+-]?\\d+)?( ± [0-9.,e+-]+)?( \\[.*\\])?|–");

    private HtmlReport() {
    }

    /**
     * @param content the rendered report
     * @return HTML text
     */
    public static String render(ReportContent content) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>regbench report</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("<script>\n").append(CHECK).append("</script>\n</head>\n<body>\n");
        b.append("<h1>regbench report: test performance under regularization, and the generalization gap</h1>\n");
        b.append("<p class=\"meta\">Generated ").append(esc(content.model().generated()))
                .append(" by <code>regbench report</code>. Every number is computed from the run result files; each "
                        + "section lists its suites, seeds and environment.</p>\n");
        b.append("<nav><ul>");
        for (ReportContent.RenderedSection s : content.sections()) {
            b.append("<li><a href=\"#").append(s.anchor()).append("\">").append(esc(s.title())).append("</a></li>");
        }
        b.append("</ul></nav>\n");
        int[] figureNumber = {0};
        for (ReportContent.RenderedSection s : content.sections()) {
            b.append("<section id=\"").append(s.anchor()).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n");
            legend(b, s);
            for (Block block : s.blocks()) {
                if (block instanceof Block.Heading h) {
                    b.append("<h3>").append(esc(h.text())).append("</h3>\n");
                } else if (block instanceof Block.Text t) {
                    b.append("<p>").append(esc(t.text())).append("</p>\n");
                } else if (block instanceof Block.Items items) {
                    b.append(items.warn() ? "<ul class=\"warn\">" : "<ul>");
                    items.items().forEach(i -> b.append("<li>").append(esc(i)).append("</li>"));
                    b.append("</ul>\n");
                } else if (block instanceof Block.TableBlock t) {
                    table(b, t.table(), t.numeric() ? "numbers" : "provenance");
                } else if (block instanceof Block.FigureBlock f) {
                    figure(b, f.figure(), ++figureNumber[0]);
                }
            }
            b.append("</section>\n");
        }
        if (content.ranks().isPresent()) {
            b.append("<section id=\"ranks\">\n<h2>Across conditions: average ranks</h2>\n");
            content.ranksFigure().ifPresent(f -> figure(b, f, ++figureNumber[0]));
            table(b, content.ranks().get(), "numbers");
            b.append("</section>\n");
        }
        if (content.agreements().isPresent()) {
            b.append("<section id=\"agreement\">\n<h2>Agreement between result sets</h2>\n");
            table(b, content.agreements().get(), "numbers");
            b.append("</section>\n");
        }
        if (content.throughput().isPresent()) {
            b.append("<section id=\"throughput\">\n<h2>Training throughput (JMH)</h2>\n");
            table(b, content.throughput().get(), "numbers");
            content.throughputFigure().ifPresent(f -> figure(b, f, ++figureNumber[0]));
            b.append("</section>\n");
        }
        if (!content.model().problems().isEmpty() || !content.model().notes().isEmpty()) {
            b.append("<h2>Input problems</h2>\n<p>Files listed as skipped could not be used; everything else was.</p>\n<ul>");
            content.model().problems().forEach(p -> b.append("<li>skipped: ").append(esc(p)).append("</li>"));
            content.model().notes().forEach(n -> b.append("<li>note: ").append(esc(n)).append("</li>"));
            b.append("</ul>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void legend(StringBuilder b, ReportContent.RenderedSection s) {
        java.util.Map<String, String> kinds = new java.util.LinkedHashMap<>();
        for (var c : s.report().conditions()) {
            c.headline().forEach(r -> kinds.putIfAbsent(r.name(), r.regularizer().kind()));
            c.paths().forEach(p -> kinds.putIfAbsent(p.regularizer(), p.kind()));
        }
        b.append("<p class=\"legend\">");
        kinds.forEach((name, kind) -> {
            String color = Palette.hex(Colors.of(s.report(), name, kind));
            b.append("<span><i style=\"background:").append(color).append("\"></i>").append(esc(name)).append("</span>");
        });
        b.append("</p>\n");
    }

    private static void figure(StringBuilder b, Figure f, int number) {
        b.append("<figure id=\"").append(f.id()).append("\">\n<div class=\"panels\">\n");
        for (int i = 0; i < f.svgs().size(); i++) {
            b.append(inlineSvg(f.svgs().get(i), "f" + number + "p" + i + "-")).append('\n');
        }
        b.append("</div>\n<figcaption><strong>Figure ").append(number).append(". ").append(esc(f.title()))
                .append(".</strong> ").append(esc(f.caption())).append("</figcaption>\n</figure>\n");
    }

    /** Strips the XML prolog and makes element ids unique within the page (several SVGs share "clip1" etc.). */
    static String inlineSvg(String svg, String prefix) {
        int start = svg.indexOf("<svg");
        String body = start < 0 ? svg : svg.substring(start);
        Matcher m = ID.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("id=\"" + prefix + m.group(1) + "\""));
        }
        m.appendTail(out);
        return out.toString().replace("url(#", "url(#" + prefix).replace("href=\"#", "href=\"#" + prefix)
                .replaceFirst("<svg ", "<svg role=\"img\" ");
    }

    private static void table(StringBuilder b, Table t, String cls) {
        b.append("<table class=\"").append(cls).append("\">\n<thead><tr>");
        t.headers().forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            row.forEach(c -> b.append(NUMERIC.matcher(c).matches() ? "<td class=\"n\">" : "<td>").append(esc(c))
                    .append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        if (!t.note().isEmpty()) {
            b.append("<p class=\"note\">").append(esc(t.note())).append("</p>\n");
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: #222; max-width: 1200px; margin: 2em auto; padding: 0 1em; }
            h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; } h3 { margin-top: 1.5em; }
            .meta, .note, figcaption { color: #555; font-size: 0.9em; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
            th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #e5e5e5; text-align: left; vertical-align: top; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            thead th { border-bottom: 2px solid #999; }
            figure { margin: 1.5em 0; } .panels { display: flex; flex-wrap: wrap; gap: 8px; }
            .panels svg { max-width: 100%; height: auto; }
            .legend span { margin-right: 1.2em; } .legend i { display: inline-block; width: 0.9em; height: 0.9em;
                   margin-right: 0.35em; vertical-align: -0.1em; border-radius: 2px; }
            .warn { color: #a33; }
            """;

    private static final String CHECK = """
            window.addEventListener('error', function () {
              document.body.dataset.errors = String((+document.body.dataset.errors || 0) + 1);
            });
            window.addEventListener('load', function () {
              var svgs = document.querySelectorAll('figure svg'), ok = 0;
              svgs.forEach(function (s) { var b = s.getBBox(); if (b.width > 0 && b.height > 0 && s.childElementCount > 0) ok++; });
              document.body.dataset.svgRendered = String(ok);
              document.body.dataset.svgTotal = String(svgs.length);
              if (!document.body.dataset.errors) document.body.dataset.errors = '0';
              // The first screen: how far the first section's at-a-glance table sticks out of the window (px).
              var first = document.querySelector('section table');
              document.body.dataset.firstTableOverflow = first
                  ? String(Math.max(0, Math.ceil(first.getBoundingClientRect().right - window.innerWidth))) : '-1';
              document.body.dataset.viewport = String(window.innerWidth);
            });
            """;
}
