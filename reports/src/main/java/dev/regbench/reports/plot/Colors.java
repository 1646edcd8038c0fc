package dev.regbench.reports.plot;

import dev.regbench.reports.schema.RegularizerInfo;
import dev.regbench.reports.stats.DatasetReport;
import dev.regbench.reports.stats.RegularizerStats;
import java.awt.Color;

/** The colour of a regularizer within a report section (see {@link Palette}); the one rule every figure and the HTML legend use. */
public final class Colors {
    private Colors() {
    }

    /**
     * @param section a report section
     * @param r       one of its regularizers
     * @return the regularizer's colour
     */
    public static Color of(DatasetReport section, RegularizerStats r) {
        int extra = 0;
        for (RegularizerStats other : section.regularizers()) {
            if (other == r) {
                break;
            }
            if (!RegularizerInfo.STANDARD_KINDS.contains(other.regularizer().kind())) {
                extra++;
            }
        }
        return Palette.of(r.regularizer().kind(), extra);
    }
}
