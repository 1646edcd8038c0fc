package dev.regbench.reports.render;

import dev.regbench.reports.AtomicFiles;
import dev.regbench.reports.plot.Figure;
import dev.regbench.reports.stats.ReportModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a report directory: {@code report.md}, {@code report.html}, {@code summary.csv}, {@code epochs.csv},
 * {@code summary.json}, {@code table.tex} and {@code figures/*.png|svg}. Everything is rendered in memory first, so a rendering error
 * writes nothing; each file is then written atomically.
 */
public final class ReportWriter {
    /** The five report files, in the order they are written. */
    public static final String[] FILES = {"summary.csv", "epochs.csv", "summary.json", "table.tex", "report.md",
        "report.html"};

    private ReportWriter() {
    }

    /**
     * @param model the report
     * @return file name (relative to the output directory) → content
     */
    public static Map<String, byte[]> render(ReportModel model) {
        ReportContent content = ReportContent.of(model);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Figure f : content.figures()) {
            files.put("figures/" + f.id() + ".png", f.png());
            for (int i = 0; i < f.svgs().size(); i++) {
                String suffix = f.svgs().size() == 1 ? "" : "-" + (i + 1);
                files.put("figures/" + f.id() + suffix + ".svg", f.svgs().get(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        files.put("summary.csv", CsvSummary.render(model).getBytes(StandardCharsets.UTF_8));
        files.put("epochs.csv", EpochsCsv.render(model).getBytes(StandardCharsets.UTF_8));
        files.put("summary.json", JsonSummary.render(model).getBytes(StandardCharsets.UTF_8));
        files.put("table.tex", LatexTable.render(model).getBytes(StandardCharsets.UTF_8));
        files.put("report.md", MarkdownReport.render(content).getBytes(StandardCharsets.UTF_8));
        files.put("report.html", HtmlReport.render(content).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /**
     * @param model the report
     * @param out   output directory (created)
     * @return the files written
     * @throws IOException if the directory or a file cannot be written
     */
    public static Map<String, byte[]> write(ReportModel model, Path out) throws IOException {
        Map<String, byte[]> files = render(model);
        Files.createDirectories(out.resolve("figures"));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            AtomicFiles.write(out.resolve(f.getKey()), f.getValue());
        }
        return files;
    }
}
