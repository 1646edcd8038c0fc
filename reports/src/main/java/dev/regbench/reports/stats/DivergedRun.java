package dev.regbench.reports.stats;

/**
 * A run that diverged: shown in the report, never averaged in.
 *
 * @param seed    its seed
 * @param epoch   the epoch that produced NaN/infinite values
 * @param failure what diverged
 */
public record DivergedRun(long seed, int epoch, String failure) {
}
