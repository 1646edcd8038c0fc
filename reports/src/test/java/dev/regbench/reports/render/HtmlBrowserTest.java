package dev.regbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.regbench.reports.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless browser (Debian's chromium) and reads what the page's own check script
 * recorded: every figure SVG rendered with a non-empty bounding box, no script error, and the first screen's
 * at-a-glance table inside a 1400 px window. CI installs chromium and
 * sets CI=true, which turns a missing browser into a failure; elsewhere the test is skipped without it.
 */
class HtmlBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        ExternalTool.require(CHROMIUM, "chromium");
        ReportWriter.write(Fixtures.model(), dir.resolve("report"));
        Path html = dir.resolve("report/report.html");
        String dom = dumpDom(html);
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
        assertTrue(body.find(), "no <body> in the rendered DOM");
        String attributes = body.group(1);
        int rendered = attribute(attributes, "data-svg-rendered");
        int total = attribute(attributes, "data-svg-total");
        assertTrue(total >= 20, "figure panels in the page: " + total);
        assertEquals(total, rendered, "every SVG panel rendered with a non-empty box");
        assertEquals(0, attribute(attributes, "data-errors"), "no script errors");
        assertEquals(1400, attribute(attributes, "data-viewport"), "the window the first screen is checked in");
        assertEquals(0, attribute(attributes, "data-first-table-overflow"),
                "the first section's at-a-glance table fits a 1400 px window");
    }

    private static int attribute(String attributes, String name) {
        Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(attributes);
        assertTrue(m.find(), name + " not set: the check script did not run (" + attributes + ")");
        return Integer.parseInt(m.group(1));
    }

    private String dumpDom(Path html) throws IOException, InterruptedException {
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=10000", "--window-size=1400,1000",
                "--dump-dom", html.toUri().toString());
        Path out = dir.resolve("dom.html");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + readQuietly(dir.resolve("chromium.log")));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
