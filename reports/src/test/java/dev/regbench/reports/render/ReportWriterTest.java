package dev.regbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five files and the figures are written, complete and well-formed. */
class ReportWriterTest {
    @TempDir
    Path out;

    @Test
    void writesAllFilesAndFigures() throws Exception {
        Map<String, byte[]> files = ReportWriter.write(Fixtures.model(), out);
        for (String name : ReportWriter.FILES) {
            assertTrue(Files.size(out.resolve(name)) > 500, name);
        }
        long pngs = files.keySet().stream().filter(f -> f.endsWith(".png")).count();
        assertEquals(11, pngs, "per section: curves, gap, weights (+ fits for the polynomial sections): " + files.keySet());
        for (var f : files.entrySet()) {
            if (f.getKey().endsWith(".png")) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.getValue()));
                assertNotNull(image, f.getKey());
                assertTrue(image.getWidth() >= 1000, f.getKey() + " is rendered at 2x");
            }
            if (f.getKey().endsWith(".svg")) {
                String svg = new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(svg.contains("<svg") && svg.contains("<path"), f.getKey());
            }
        }
        String md = Files.readString(out.resolve("report.md"));
        for (String f : files.keySet()) {
            if (f.endsWith(".png")) {
                assertTrue(md.contains("](" + f + ")"), "report.md links " + f);
            }
        }
    }

    @Test
    void htmlIsSelfContainedWithUniqueIds() throws Exception {
        ReportWriter.write(Fixtures.model(), out);
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("<link"),
                "no external resources");
        long svgs = Pattern.compile("<svg ").matcher(html).results().count();
        assertTrue(svgs >= 20, "inline SVG panels: " + svgs);
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
        }
        assertTrue(html.contains("diverged: l2 seed 1"), "diverged runs are shown");
    }

    @Test
    void conclusionIsDrawnFromTheNumbers() throws Exception {
        ReportWriter.write(Fixtures.model(), out);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("closed the gap most"), md);
        assertTrue(md.contains("(Welch, n = 3 vs 3)"), "MNIST fixture has 3 seeds per regularizer");
        assertTrue(md.contains("3 runs diverged and are excluded from every number"), md);
    }
}
