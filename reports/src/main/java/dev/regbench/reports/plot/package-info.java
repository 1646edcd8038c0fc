/**
 * The report's figures, drawn with XChart and exported as SVG (inlined in the HTML report) and PNG (linked
 * from the Markdown report): learning curves, generalization gaps, the polynomial fits, weight
 * histograms and throughput. One colour per regularizer across every figure ({@link dev.regbench.reports.plot.Palette}).
 */
package dev.regbench.reports.plot;
