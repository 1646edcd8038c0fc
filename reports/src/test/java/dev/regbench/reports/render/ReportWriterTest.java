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

/** The six files and the figures are written, complete and well-formed. */
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
        // two-stage: paths, curves, gap, weights; polynomial and unstable: curves, gap, fits, weights;
        // exploratory: paths only (no headline); sizes: training-set size, then curves, gap, fits and weights of
        // its largest size; noise: memorization, then curves, gap and weights of its last condition; reference:
        // paths, curves, gap, weights. Plus a forest plot (Δ vs none) per condition with a comparison: two-stage,
        // polynomial, reference 1 each, sizes and noise 2 each (unstable and exploratory have none), and beside each
        // forest plot the per-seed pairs behind it (7), and the tuning-budget curves of the two sections whose grids
        // hold more than one configuration per arm (two-stage, reference); and the critical-difference diagram of
        // none and l2 over the 7 conditions that hold both.
        assertEquals(43, pngs, files.keySet().toString());
        assertTrue(files.containsKey("figures/critical-difference.png"), files.keySet().toString());
        assertTrue(files.containsKey("figures/two-stage-cpu-mnist-budget.png"), files.keySet().toString());
        assertTrue(files.containsKey("figures/two-stage-cpu-mnist-forest.png"), files.keySet().toString());
        assertTrue(files.containsKey("figures/two-stage-cpu-mnist-seeds.png"), files.keySet().toString());
        assertTrue(files.containsKey("figures/sizes-cpu-polynomial-sizes.png"), files.keySet().toString());
        assertTrue(files.containsKey("figures/noise-cpu-mnist-memorization.png"), files.keySet().toString());
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
        assertTrue(md.contains("over tuning seeds 1, 2; every number below comes from evaluation seeds 11, 12, 13"), md);
        assertTrue(md.contains("paired t, n = 3, Holm-adjusted p"), "MNIST fixture: 3 evaluation seeds, paired");
        assertTrue(md.contains("3 runs diverged and are excluded from every number"), md);
        assertTrue(md.contains("Settings are fixed by the suite file"), "the fixed-settings sections say so");
        assertTrue(md.contains("Exploratory suite") && md.contains("no selection was possible"), md);
    }

    @Test
    void publishedNumbersArePrintedBesideRegbenchsWithTheirDifference() throws Exception {
        ReportWriter.write(Fixtures.model(), out);
        String md = Files.readString(out.resolve("report.md"));
        double sum = 0;
        int n = 0;
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var files = Files.list(Fixtures.dir("reference").resolve("runs/eval"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("l1-l2-")).toList()) {
                sum += 100 * (1 - json.readTree(f.toFile()).get("final").get("test").get("accuracy").asDouble());
                n++;
            }
        }
        assertEquals(2, n);
        String row = "| l1-l2 | 20.5 | ";
        assertTrue(md.contains(row), md);
        String line = md.lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
        assertTrue(line.endsWith("| 2 | " + Fmt.signed(sum / n - 20.5) + " |"), line + " vs mean " + sum / n);
        assertTrue(md.contains("Published: A made-up table for the fixture (not a publication). Setup differences: "
                + "Fixture: 300 images and 4 epochs instead of the full training set."), "citation and setup");
        assertFalse(md.contains("overrode the suite file"), "the fixture's runs used the suite as written");
        java.util.regex.Matcher order = java.util.regex.Pattern.compile("Order, best first — published: ([^;]+); "
                + "regbench: ([^.]+)\\. Kendall's τ-b = ([-−0-9.]+) over (\\d+) pairs").matcher(md);
        assertTrue(order.find(), "the ordering comparison is printed: " + md);
        // The published order follows the fixture's reference block; regbench's follows the table's means.
        assertEquals(order.group(1).split(" < ").length, order.group(2).split(" < ").length);
        int k = order.group(1).split(" < ").length;
        assertEquals(k * (k - 1) / 2, Integer.parseInt(order.group(4)));
        assertTrue(md.contains("max unit norm"), "max-norm kinds show the bound's effect");
        assertTrue(md.contains("100 % of the training labels were replaced by random classes"), md);
    }

    @Test
    void aReferenceOfRunsWithOverridesSaysTheSetupTextDoesNotKnowThem(@TempDir Path copy) throws Exception {
        // The same real runs, as if trained with --epochs 2: the suite file's setup text no longer describes them.
        Path src = Fixtures.dir("reference");
        try (var files = Files.walk(src)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (f.toString().endsWith(".json") && f.toString().contains("runs")) {
                    Files.writeString(to, Files.readString(f).replace("\"overrides\" : [ ]", "\"overrides\" : [ \"epochs=2\" ]"));
                } else {
                    Files.copy(f, to);
                }
            }
        }
        var inputs = dev.regbench.reports.input.ResultLoader.load(java.util.List.of(copy), java.util.List.of());
        ReportWriter.write(dev.regbench.reports.stats.ReportBuilder.build(inputs, java.time.Instant.EPOCH.toString()),
                out);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("These runs also overrode the suite file (epochs=2), which the setup text above does "
                + "not know."), md);
    }

    @Test
    void epochsCsvIsTidyWithEveryGridCoordinate() throws Exception {
        ReportWriter.write(Fixtures.model(), out);
        java.util.List<String> lines = Files.readAllLines(out.resolve("epochs.csv"));
        java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
        for (String column : java.util.List.of("stage", "regularizer", "trainSize", "seed", "lambda", "hiddenRetain",
                "epoch", "split", "loss", "errorPercent")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        long rows = 0;
        for (var section : Fixtures.model().sections()) {
            for (var run : section.provenance().runs()) {
                rows += run.epochs().stream().mapToLong(m -> m.validation() == null ? 2 : 3).sum();
            }
        }
        assertEquals(rows, lines.size() - 1, "one row per run × evaluated epoch × split");
        int stage = header.indexOf("stage");
        int split = header.indexOf("split");
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.split(",")[stage].equals("tune")));
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.split(",")[split].equals("validation")));
    }
}
