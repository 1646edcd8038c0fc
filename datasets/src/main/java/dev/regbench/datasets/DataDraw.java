package dev.regbench.datasets;

import java.util.Locale;

/**
 * Whether a run's training data depend on its seed. Evaluation sets (validation and test) never do: they are
 * fixed by the suite's data seed, so every run is measured on the same examples.
 *
 * <p>With {@link #PER_SEED}, seed k trains on its own draw — its own class-balanced subset of the training
 * pool, or its own noisy polynomial points — so that the spread over seeds, and every confidence interval
 * computed from it, includes data-sampling noise as well as initialization noise. Regularizers still pair by
 * seed: every regularizer's run with seed k sees the same draw.
 */
public enum DataDraw {
    /** One training draw for every run of the suite, chosen by the data seed. */
    FIXED,
    /** A training draw per run seed, from a stream derived from the data seed and the run seed. */
    PER_SEED;

    /** @return the name used in suite and result files: {@code fixed} or {@code per-seed} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id {@code fixed} or {@code per-seed}
     * @return the draw
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DataDraw of(String id) {
        for (DataDraw d : values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("must be fixed or per-seed, was '" + id + "'");
    }

    /**
     * @param dataSeed the suite's data seed
     * @param runSeed  the run's seed
     * @return the root seed of this run's training draw: the data seed itself for {@link #FIXED}, a seed derived
     *         from both for {@link #PER_SEED}
     */
    public long root(long dataSeed, long runSeed) {
        return this == FIXED ? dataSeed : Seeds.derive(SeedPurpose.DATA_DRAW.derive(dataSeed), runSeed);
    }
}
