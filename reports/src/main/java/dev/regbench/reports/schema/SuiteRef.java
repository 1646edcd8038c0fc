package dev.regbench.reports.schema;

import java.util.List;

/**
 * The suite file a run came from.
 *
 * @param name             the suite's {@code name}
 * @param file             the suite file as given on the command line
 * @param sha256           SHA-256 of the suite file's bytes
 * @param effectiveSha256  SHA-256 of this run's configuration after command-line overrides (everything but the
 *                         seed and the stage): two runs with the same value were configured identically
 *                         (resume compares this)
 * @param experimentSha256 SHA-256 of what every run of the suite shares — task (except the training-set size),
 *                         splits, data draw, network, schedule, optimizer, epoch rule: runs with the same value
 *                         differ only in regularizer, grid point, training-set size and seed, so a report may
 *                         compare them; runs with different values are never pooled
 * @param overrides        command-line overrides applied, e.g. {@code epochs=2}; empty if none
 * @param reference        the published numbers the suite reproduces, if its file has a {@code reference:}
 *                         block (minor version 2); absent otherwise
 */
public record SuiteRef(String name, String file, String sha256, String effectiveSha256, String experimentSha256,
                       List<String> overrides, PublishedReference reference) {
}
