package dev.regbench.datasets;

import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A classification dataset held in memory.
 *
 * @param features   {@code [n, inputs]} float32, 'c' order; for images, pixels scaled to [0, 1]
 * @param classes    the class of each example, each in {@code [0, numClasses)}; length n; do not modify
 * @param numClasses number of classes, ≥ 2
 */
public record ClassificationSet(INDArray features, int[] classes, int numClasses) {

    /** Validates shapes and label range. */
    public ClassificationSet {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(classes, "classes");
        if (features.rank() != 2 || features.rows() != classes.length) {
            throw new IllegalArgumentException("features " + java.util.Arrays.toString(features.shape())
                    + " do not match " + classes.length + " labels");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2, was " + numClasses);
        }
    }

    private static final float[] UNIT_SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT_SCALE[i] = i / 255f;
        }
    }

    /**
     * Pairs an image file with its label file, scaling pixels from 0–255 to [0, 1].
     *
     * @param images     validated images
     * @param labels     validated labels
     * @param numClasses labels must be in {@code [0, numClasses)}
     * @return the examples, features {@code [count, rows·cols]}
     * @throws DataFileException if the counts disagree or a label is out of range
     */
    public static ClassificationSet fromIdx(IdxImages images, IdxLabels labels, int numClasses)
            throws DataFileException {
        if (images.count() != labels.count()) {
            throw new DataFileException(labels.source(), String.format(Locale.ROOT,
                    "%d labels for the %d images in %s: the two files do not belong together",
                    labels.count(), images.count(), images.source()));
        }
        int n = images.count();
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = labels.label(i);
            if (classes[i] >= numClasses) {
                throw new DataFileException(labels.source(), String.format(Locale.ROOT,
                        "label %d at index %d is outside 0..%d", classes[i], i, numClasses - 1));
            }
        }
        byte[] pixels = images.pixels();
        float[] scaled = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            scaled[i] = UNIT_SCALE[pixels[i] & 0xFF];
        }
        INDArray features = Nd4j.create(scaled, new long[] {n, images.pixelsPerImage()}, 'c');
        return new ClassificationSet(features, classes, numClasses);
    }

    /** @return the number of examples */
    public int size() {
        return classes.length;
    }

    /** @return the number of examples of each class, indexed by class */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int c : classes) {
            counts[c]++;
        }
        return counts;
    }

    /**
     * @param indices rows to keep, in this order (each in {@code [0, size())})
     * @return a new set holding copies of those rows
     */
    public ClassificationSet subset(int[] indices) {
        int[] sub = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            sub[i] = classes[indices[i]];
        }
        return new ClassificationSet(Nd4j.pullRows(features, 1, indices), sub, numClasses);
    }

    /**
     * @param labels replacement labels, one per example, each in {@code [0, numClasses)}
     * @return the same features with these labels (e.g. {@link LabelNoise}'s)
     */
    public ClassificationSet withClasses(int[] labels) {
        if (labels.length != classes.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + classes.length + " examples");
        }
        return new ClassificationSet(features, labels.clone(), numClasses);
    }

    /** @return features with one-hot float32 targets {@code [n, numClasses]}, ready for training */
    public Examples toExamples() {
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, classes.length, numClasses);
        for (int i = 0; i < classes.length; i++) {
            oneHot.putScalar(i, classes[i], 1f);
        }
        return new Examples(features, oneHot);
    }
}
