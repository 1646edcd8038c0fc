package dev.regbench.reports.stats;

/**
 * A run that diverged: shown in the report, never averaged in.
 *
 * @param seed    its seed
 * @param point   its grid point, e.g. {@code {lambda=0.01}} (empty text if nothing is swept)
 * @param epoch   the epoch that produced NaN/infinite values
 * @param failure what diverged
 */
public record DivergedRun(long seed, String point, int epoch, String failure) {
}
