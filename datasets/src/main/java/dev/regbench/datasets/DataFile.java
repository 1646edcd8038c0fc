package dev.regbench.datasets;

/**
 * One of the four files of an {@link ImageDataset}, identified by split and kind.
 *
 * @param dataset the dataset it belongs to
 * @param split   train or test
 * @param kind    images or labels
 */
public record DataFile(ImageDataset dataset, Split split, IdxKind kind) {

    /** @return the canonical uncompressed file name, e.g. {@code t10k-labels-idx1-ubyte} */
    public String fileName() {
        return split.filePrefix() + "-" + kind.fileSuffix();
    }

    /** @return the path relative to the data directory, e.g. {@code mnist/t10k-labels-idx1-ubyte} */
    public String relativePath() {
        return dataset.id() + "/" + fileName();
    }

    /** @return the number of examples the file must hold */
    public int expectedCount() {
        return dataset.size(split);
    }

    /** @return the expected SHA-256 of the uncompressed file (lower-case hex) */
    public String sha256() {
        return Checksums.expected(relativePath())
                .orElseThrow(() -> new IllegalStateException("no checksum for " + relativePath()));
    }
}
