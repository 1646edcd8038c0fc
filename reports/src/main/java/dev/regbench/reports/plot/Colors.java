package dev.regbench.reports.plot;

import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.RegularizationPath;
import dev.regbench.reports.stats.RegularizerStats;
import dev.regbench.reports.stats.Section;
import java.awt.Color;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The colour of a regularizer within a report section (see {@link Palette}); the one rule every figure and the HTML legend use. */
public final class Colors {
    private Colors() {
    }

    /**
     * @param section a report section
     * @param name    one of its regularizers' names
     * @param kind    that regularizer's kind
     * @return the regularizer's colour: by kind for the preset kinds, else the next extra colour in the order
     *         the section's non-standard regularizers first appear
     */
    public static Color of(Section section, String name, String kind) {
        if (Palette.hasKindColor(kind)) {
            return Palette.of(kind, 0);
        }
        List<String> extras = List.copyOf(extraNames(section));
        return Palette.of(kind, Math.max(0, extras.indexOf(name)));
    }

    /** @return the colour of a headline regularizer */
    public static Color of(Section section, RegularizerStats r) {
        return of(section, r.name(), r.regularizer().kind());
    }

    private static Set<String> extraNames(Section section) {
        Set<String> names = new LinkedHashSet<>();
        for (Condition c : section.conditions()) {
            for (RegularizerStats r : c.headline()) {
                if (!Palette.hasKindColor(r.regularizer().kind())) {
                    names.add(r.name());
                }
            }
            for (RegularizationPath p : c.paths()) {
                if (!Palette.hasKindColor(p.kind())) {
                    names.add(p.regularizer());
                }
            }
        }
        return names;
    }
}
