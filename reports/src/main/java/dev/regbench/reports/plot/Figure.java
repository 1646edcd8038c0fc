package dev.regbench.reports.plot;

import java.util.List;

/**
 * A rendered figure: one or more panels, each as SVG, plus one PNG of all panels in a grid.
 *
 * @param id      file-name stem, e.g. {@code mnist-cpu-learning-curves}
 * @param title   heading for humans
 * @param caption what the figure shows, in words (units, what the band is, which seed)
 * @param svgs    one self-contained SVG document per panel
 * @param png     all panels in one PNG
 */
public record Figure(String id, String title, String caption, List<String> svgs, byte[] png) {
}
