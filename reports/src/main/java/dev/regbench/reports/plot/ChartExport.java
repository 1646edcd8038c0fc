package dev.regbench.reports.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/** Common styling and SVG/PNG export of XChart charts (headless). */
final class ChartExport {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 560;
    static final int HEIGHT = 380;

    private ChartExport() {
    }

    /** Applies the report's look: white, readable fonts, legend inside the plot. */
    static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setPlotBackgroundColor(java.awt.Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendBorderColor(new java.awt.Color(0xDDDDDD));
        styler.setChartTitleBoxVisible(false);
        styler.setLocale(java.util.Locale.ROOT);
        styler.setAntiAlias(true);
    }

    /**
     * Labels for an x axis of categories at 1, 2, …: XChart asks for a label at every tick (also at half steps and
     * the axis ends) and drops every tick whose label repeats another — blank labels included, which left the
     * category axes without any label. Other ticks get distinct invisible labels (zero-width spaces).
     *
     * @param names the categories, the first at x = 1
     * @return the formatting function for {@code setxAxisTickLabelsFormattingFunction}
     */
    static java.util.function.Function<Double, String> categories(List<String> names) {
        return x -> {
            long k = Math.round(x);
            if (Math.abs(x - k) < 1e-6 && k >= 1 && k <= names.size()) {
                return names.get((int) k - 1);
            }
            return "\u200b".repeat((int) Math.max(1, Math.round(4 * x) + 8));
        };
    }

    /** @return the chart as an SVG document */
    static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compact(out.toString(StandardCharsets.UTF_8));
    }

    private static final java.util.regex.Pattern LONG_DECIMAL = java.util.regex.Pattern.compile("(\\d\\.\\d)\\d+");

    /** Rounds coordinates to 0.1 px (XChart draws text as outlines: this more than halves the file). */
    static String compact(String svg) {
        return LONG_DECIMAL.matcher(svg).replaceAll("$1");
    }

    /** Pixels per chart unit in PNGs: 2 gives sharp figures on high-density screens and in print. */
    static final int PNG_SCALE = 2;

    /** @return all charts in one PNG, {@code columns} wide, at {@link #PNG_SCALE} */
    static <T extends Chart<?, ?>> byte[] png(List<T> charts, int columns) {
        int cols = Math.min(columns, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        int cellW = charts.stream().mapToInt(Chart::getWidth).max().orElse(WIDTH);
        int cellH = charts.stream().mapToInt(Chart::getHeight).max().orElse(HEIGHT);
        BufferedImage image = new BufferedImage(cols * cellW * PNG_SCALE, rows * cellH * PNG_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (int i = 0; i < charts.size(); i++) {
                Graphics2D cell = (Graphics2D) g.create((i % cols) * cellW * PNG_SCALE, (i / cols) * cellH * PNG_SCALE,
                        cellW * PNG_SCALE, cellH * PNG_SCALE);
                cell.scale(PNG_SCALE, PNG_SCALE);
                charts.get(i).paint(cell, charts.get(i).getWidth(), charts.get(i).getHeight());
                cell.dispose();
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return {@code charts} as a figure */
    static <T extends Chart<?, ?>> Figure figure(String id, String title, String caption, List<T> charts, int columns) {
        return new Figure(id, title, caption, charts.stream().map(ChartExport::svg).toList(), png(charts, columns));
    }
}
