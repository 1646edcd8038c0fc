package dev.regbench.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The image classification datasets regbench knows: both are 28×28 grey-scale, 10 classes, 60,000
 * training and 10,000 test images in four IDX files each.
 */
public enum ImageDataset {
    /** LeCun, Cortes &amp; Burges, "The MNIST database of handwritten digits" (1998). */
    MNIST("mnist", "MNIST"),
    /** Xiao, Rasul &amp; Vollgraf, "Fashion-MNIST" (2017), arXiv:1708.07747. */
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST");

    /** Image height and width in pixels. */
    public static final int SIDE = 28;
    /** Number of classes (labels are 0–9). */
    public static final int CLASSES = 10;

    private final String id;
    private final String displayName;

    ImageDataset(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** @return the identifier used in suite files, the CLI and the data directory ({@code mnist}) */
    public String id() {
        return id;
    }

    /** @return the name for humans ({@code Fashion-MNIST}) */
    public String displayName() {
        return displayName;
    }

    /** @return the number of examples in a split (60,000 or 10,000) */
    public int size(Split split) {
        return split == Split.TRAIN ? 60_000 : 10_000;
    }

    /** @return the dataset's four files: train images, train labels, test images, test labels */
    public List<DataFile> files() {
        return List.of(new DataFile(this, Split.TRAIN, IdxKind.IMAGES), new DataFile(this, Split.TRAIN, IdxKind.LABELS),
                new DataFile(this, Split.TEST, IdxKind.IMAGES), new DataFile(this, Split.TEST, IdxKind.LABELS));
    }

    /**
     * @return SHA-256 over the verified SHA-256 of the four files ({@code "<path> <sha256>\n"} each, in
     *         {@link #files()} order): the identity of the data every loader accepts for this dataset
     */
    public String contentSha256() {
        StringBuilder b = new StringBuilder();
        for (DataFile f : files()) {
            b.append(f.relativePath()).append(' ').append(f.sha256()).append('\n');
        }
        return Checksums.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * @param id an identifier such as {@code fashion-mnist}
     * @return the dataset
     * @throws IllegalArgumentException naming the accepted identifiers
     */
    public static ImageDataset fromId(String id) {
        for (ImageDataset d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown dataset '%s' (expected one of: %s)",
                id, Arrays.stream(values()).map(ImageDataset::id).collect(Collectors.joining(", "))));
    }
}
