/**
 * The selection protocol's choices, made on validation metrics only: which epoch of a run counts
 * ({@link dev.regbench.reports.select.SelectionPolicy}) and which grid point of a regularizer is re-trained on
 * the evaluation seeds ({@link dev.regbench.reports.select.Selector}). Choices read runs through
 * {@link dev.regbench.reports.select.ValidationCurve} and {@link dev.regbench.reports.select.TuningRun}, which
 * copy nothing but validation metrics: no code here can see a test metric. Used by {@code regbench run}
 * (between its stages) and by {@code regbench report} (to show what was chosen and why).
 */
package dev.regbench.reports.select;
