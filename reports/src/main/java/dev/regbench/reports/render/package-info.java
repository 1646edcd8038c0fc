/**
 * Writers of the report's five files — {@code report.md}, {@code report.html}, {@code summary.csv},
 * {@code summary.json}, {@code table.tex} — and of the plain-language conclusion. All numbers are formatted
 * with {@link java.util.Locale#ROOT}, so output does not depend on the machine's locale.
 */
package dev.regbench.reports.render;
