package dev.regbench.reports.render;

import java.util.List;

/** RFC 4180 rows: comma-separated, CRLF line ends, cells quoted when they hold a comma, quote or line break. */
final class Csv {
    private Csv() {
    }

    static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            b.append(c);
        }
        b.append("\r\n");
    }
}
