package dev.regbench.datasets;

/**
 * What a random stream is used for. Each purpose gets its own stream derived from one root seed, so that
 * e.g. changing the shuffling cannot change the initial weights. The salts are fixed forever: changing one
 * changes every result computed with it.
 */
public enum SeedPurpose {
    /** Choosing the training subset. */
    TRAIN_SUBSET(0x5EED_0001L),
    /** Choosing the fixed evaluation subset of the training data. */
    EVAL_SUBSET(0x5EED_0002L),
    /** Shuffling minibatches each epoch. */
    SHUFFLE(0x5EED_0003L),
    /** Initial weights. */
    INIT(0x5EED_0004L),
    /** Generating the synthetic polynomial task. */
    POLYNOMIAL(0x5EED_0005L),
    /** Dropout masks (ND4J's global random generator during training). */
    DROPOUT(0x5EED_0006L),
    /** Choosing the validation set carved from the published training images. */
    VALIDATION(0x5EED_0007L),
    /** The per-run data draw ({@link DataDraw#PER_SEED}): combines the data seed with the run seed. */
    DATA_DRAW(0x5EED_0008L),
    /** Which training labels are replaced, and by what, under label noise ({@link LabelNoise}). */
    LABEL_NOISE(0x5EED_0009L);

    private final long salt;

    SeedPurpose(long salt) {
        this.salt = salt;
    }

    /**
     * @param root the root seed (a suite's seed)
     * @return a 64-bit seed for this purpose
     */
    public long derive(long root) {
        return Seeds.derive(root, salt);
    }
}
