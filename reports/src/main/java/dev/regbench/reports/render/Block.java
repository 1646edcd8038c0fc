package dev.regbench.reports.render;

import dev.regbench.reports.plot.Figure;
import java.util.List;

/** A piece of a report section, laid out once by {@link ReportContent} and rendered by every writer. */
public sealed interface Block permits Block.Heading, Block.Text, Block.Items, Block.TableBlock, Block.FigureBlock {

    /**
     * A sub-heading of a section.
     *
     * @param text the heading
     */
    record Heading(String text) implements Block {
    }

    /**
     * A paragraph.
     *
     * @param text plain text
     */
    record Text(String text) implements Block {
    }

    /**
     * A bulleted list, e.g. diverged runs.
     *
     * @param items plain-text items
     * @param warn  whether they are warnings (shown in red in HTML)
     */
    record Items(List<String> items, boolean warn) implements Block {
    }

    /**
     * A table.
     *
     * @param table the table
     * @param numeric whether its cells are mostly numbers (right-aligned in HTML)
     */
    record TableBlock(Table table, boolean numeric) implements Block {
    }

    /**
     * A figure.
     *
     * @param figure the rendered figure
     */
    record FigureBlock(Figure figure) implements Block {
    }
}
