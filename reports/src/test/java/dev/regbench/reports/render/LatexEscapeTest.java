package dev.regbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Names from result files reach table.tex: every LaTeX special character must come out literal. */
class LatexEscapeTest {
    @Test
    void everySpecialCharacterIsEscapedOnce() {
        assertEquals("a\\textbackslash{}b", LatexTable.escape("a\\b"), "a backslash is one text backslash, braces unescaped");
        assertEquals("x\\textasciicircum{}2\\textasciitilde{}y", LatexTable.escape("x^2~y"));
        assertEquals("\\{\\}\\$\\&\\#\\_\\%", LatexTable.escape("{}$&#_%"));
        assertEquals("ab", LatexTable.escape("a\u0007b"), "control characters are dropped");
        assertEquals("l2 -- CPU", LatexTable.escape("l2 · CPU"));
        // A hostile name cannot end the table or run a command.
        assertEquals("\\textbackslash{}end\\{tabular\\}\\textbackslash{}input\\{x\\}",
                LatexTable.escape("\\end{tabular}\\input{x}"));
    }
}
