package dev.regbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.regbench.reports.input.ResultLoader;
import dev.regbench.reports.stats.ReportBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code table.tex} as people use it: pasted into a document and compiled by a real LaTeX engine (Debian's
 * {@code texlive-latex-base} and {@code texlive-latex-recommended} for booktabs), from results whose suite and
 * regularizer names hold every LaTeX special character ({@code \ { } $ & # ^ _ ~ %}) — names come from result
 * files other people send. It must compile without an error. CI installs LaTeX and sets CI=true, which turns a
 * missing engine into a failure; elsewhere the test is skipped without it. {@link LatexEscapeTest} pins the
 * escaped text character by character.
 */
class LatexCompileTest {
    private static final Path PDFLATEX = Path.of("/usr/bin/pdflatex");
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/two-stage").toAbsolutePath();
    /** Every LaTeX special character, and a command a hostile name might try to run. */
    private static final String HOSTILE = "\\\\end{tabular} & #1 ~^_%$ \\\\input{x}";

    @TempDir
    Path dir;

    @Test
    void tableTexWithEverySpecialCharacterInItsNamesCompiles() throws Exception {
        ExternalTool.require(PDFLATEX, "texlive-latex-base texlive-latex-recommended");
        Path results = dir.resolve("results");
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = results.resolve(FIXTURE.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (f.toString().endsWith(".json")) { // the suite's and one regularizer's name, in every file
                    text = text.replaceAll("\"name\"\\s*:\\s*\"two-stage\"", java.util.regex.Matcher
                                    .quoteReplacement("\"name\": \"suite " + HOSTILE + "\""))
                            .replaceAll("\"name\"\\s*:\\s*\"dropout-l2\"", java.util.regex.Matcher
                                    .quoteReplacement("\"name\": \"reg " + HOSTILE + "\""));
                }
                Files.writeString(copy, text, StandardCharsets.UTF_8);
            }
        }
        String table = LatexTable.render(ReportBuilder.build(ResultLoader.load(List.of(results), List.of()),
                "2026-01-01T00:00:00Z"));
        assertTrue(table.contains("reg \\textbackslash{}end\\{tabular\\} \\& \\#1 \\textasciitilde{}"
                + "\\textasciicircum{}\\_\\%\\$ \\textbackslash{}input\\{x\\}"), "the hostile name is in the table, "
                + "escaped:\n" + table);
        assertTrue(table.contains("suite \\textbackslash{}end"), "the suite's name is in the caption:\n" + table);
        Files.writeString(dir.resolve("table.tex"), table, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("paper.tex"), """
                \\documentclass{article}
                \\usepackage{booktabs}
                \\begin{document}
                \\input{table.tex}
                \\end{document}
                """, StandardCharsets.UTF_8);
        Process latex = new ProcessBuilder(PDFLATEX.toString(), "-interaction=nonstopmode", "-halt-on-error",
                "-no-shell-escape", "paper.tex").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("latex.out").toFile()).start();
        if (!latex.waitFor(120, TimeUnit.SECONDS)) {
            latex.destroyForcibly();
            fail("pdflatex did not finish within 120 s");
        }
        String log = Files.readString(dir.resolve("latex.out"));
        assertEquals(0, latex.exitValue(), "table.tex compiles:\n" + table + "\n" + log);
        assertTrue(Files.size(dir.resolve("paper.pdf")) > 0);
        assertTrue(!log.contains("! "), "no LaTeX error:\n" + log);
    }
}
