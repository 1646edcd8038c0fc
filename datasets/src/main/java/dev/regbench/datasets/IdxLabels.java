package dev.regbench.datasets;

import java.nio.file.Path;

/**
 * The content of a validated IDX label file.
 *
 * @param source where it was read from
 * @param labels one unsigned byte per example (0–255); not copied, do not modify
 */
public record IdxLabels(Path source, byte[] labels) implements IdxContent {
    /** @return the number of labels */
    @Override
    public int count() {
        return labels.length;
    }

    /** @return label {@code i} as an int in 0–255 */
    public int label(int i) {
        return labels[i] & 0xFF;
    }
}
