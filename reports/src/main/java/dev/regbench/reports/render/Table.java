package dev.regbench.reports.render;

import java.util.List;

/**
 * A table both the Markdown and the HTML report render.
 *
 * @param headers column headers
 * @param rows    cells, one list per row, as many as headers
 * @param note    a line under the table, or empty
 */
public record Table(List<String> headers, List<List<String>> rows, String note) {
    /** Checks the shape. */
    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells for " + headers.size() + " columns");
            }
        }
    }
}
