package dev.regbench.reports.plot;

import java.awt.Color;
import java.util.List;

/**
 * One colour per regularizer, the same in every figure: by kind for the standard four (none grey, L1 orange,
 * L2 blue, dropout+L2 green; the Okabe–Ito colour-blind-safe palette), and further colours in order for
 * additional variants.
 */
public final class Palette {
    private static final List<Color> EXTRA = List.of(new Color(0xCC79A7), new Color(0xD55E00), new Color(0x56B4E9),
            new Color(0xF0E442), new Color(0x000000));

    private Palette() {
    }

    /**
     * @param kind  the regularizer kind
     * @param index position of the regularizer among the section's non-standard ones
     * @return its colour
     */
    public static Color of(String kind, int index) {
        return switch (kind) {
            case "none" -> new Color(0x666666);
            case "l1" -> new Color(0xE69F00);
            case "l2" -> new Color(0x0072B2);
            case "dropout-l2" -> new Color(0x009E73);
            default -> EXTRA.get(Math.floorMod(index, EXTRA.size()));
        };
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
