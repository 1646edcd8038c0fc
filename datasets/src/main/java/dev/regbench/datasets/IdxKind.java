package dev.regbench.datasets;

/**
 * The two IDX file types of MNIST-style datasets, with their magic numbers (big-endian int at offset 0).
 * See LeCun et al., "The MNIST database of handwritten digits": 0x00000803 for 3-D unsigned-byte image
 * arrays, 0x00000801 for 1-D unsigned-byte label arrays.
 */
public enum IdxKind {
    /** {@code count × rows × cols} unsigned bytes after a 16-byte header; magic 2051. */
    IMAGES(2051, 16, "images-idx3-ubyte"),
    /** {@code count} unsigned bytes after an 8-byte header; magic 2049. */
    LABELS(2049, 8, "labels-idx1-ubyte");

    private final int magic;
    private final int headerBytes;
    private final String fileSuffix;

    IdxKind(int magic, int headerBytes, String fileSuffix) {
        this.magic = magic;
        this.headerBytes = headerBytes;
        this.fileSuffix = fileSuffix;
    }

    /** @return the magic number that opens a file of this kind */
    public int magic() {
        return magic;
    }

    /** @return the header length in bytes */
    public int headerBytes() {
        return headerBytes;
    }

    /** @return the suffix of the canonical file name, e.g. {@code images-idx3-ubyte} */
    public String fileSuffix() {
        return fileSuffix;
    }
}
