package dev.regbench.datasets;

/** The published train/test partition of an image dataset, with the file-name prefix it uses. */
public enum Split {
    /** The training set: file prefix {@code train}. */
    TRAIN("train"),
    /** The test set: file prefix {@code t10k}. */
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** @return the prefix of this split's canonical file names */
    public String filePrefix() {
        return filePrefix;
    }
}
