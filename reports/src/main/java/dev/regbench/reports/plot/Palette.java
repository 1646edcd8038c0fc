package dev.regbench.reports.plot;

import java.awt.Color;
import java.util.List;

/**
 * One colour per regularizer, the same in every figure: by kind for the preset kinds (the Okabe–Ito
 * colour-blind-safe palette: none grey, L1 orange, L2 blue, dropout+L2 green, L1+L2 reddish purple, weight decay
 * sky blue, max-norm vermillion, dropout alone a dark yellow, dropout+max-norm black), and further colours in
 * order for composites and second variants of a kind.
 */
public final class Palette {
    private static final java.util.Map<String, Color> BY_KIND = java.util.Map.of(
            "none", new Color(0x666666), "l1", new Color(0xE69F00), "l2", new Color(0x0072B2),
            "dropout-l2", new Color(0x009E73), "l1-l2", new Color(0xCC79A7), "weight-decay", new Color(0x56B4E9),
            "max-norm", new Color(0xD55E00), "dropout", new Color(0xB59A00), "dropout-max-norm", new Color(0x000000));
    private static final List<Color> EXTRA = List.of(new Color(0x8C564B), new Color(0x7F3C8D), new Color(0x11A579),
            new Color(0x3969AC), new Color(0xE73F74));

    private Palette() {
    }

    /**
     * @param kind  the regularizer kind
     * @param index position of the regularizer among the section's non-standard ones
     * @return its colour
     */
    public static Color of(String kind, int index) {
        Color c = BY_KIND.get(kind);
        return c != null ? c : EXTRA.get(Math.floorMod(index, EXTRA.size()));
    }

    /** @return whether {@code kind} has a colour of its own (else regularizers of it take extra colours) */
    public static boolean hasKindColor(String kind) {
        return BY_KIND.containsKey(kind);
    }

    /** @return {@code color} with the given alpha (0–255), for bands */
    public static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** @return {@code #rrggbb} for HTML/CSS */
    public static String hex(Color color) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }
}
