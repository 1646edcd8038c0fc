package dev.regbench.reports.plot;

import dev.regbench.reports.stats.DatasetReport;
import dev.regbench.reports.stats.RegularizerStats;
import java.awt.Color;
import java.util.List;

/** The colour of a regularizer within a report section (see {@link Palette}). */
final class Colors {
    private static final List<String> STANDARD = List.of("none", "l1", "l2", "dropout-l2");

    private Colors() {
    }

    static Color of(DatasetReport section, RegularizerStats r) {
        int extra = 0;
        for (RegularizerStats other : section.regularizers()) {
            if (other == r) {
                break;
            }
            if (!STANDARD.contains(other.regularizer().kind())) {
                extra++;
            }
        }
        return Palette.of(r.regularizer().kind(), extra);
    }
}
