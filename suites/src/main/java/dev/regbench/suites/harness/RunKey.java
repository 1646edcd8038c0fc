package dev.regbench.suites.harness;

import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Point;

/**
 * One run of a suite: a stage, a data condition (training-set size, label noise), a regularizer's grid point and
 * a seed.
 *
 * @param stage     single, tune or eval
 * @param condition the data condition
 * @param point     the regularizer and its parameter values
 * @param seed      the seed
 */
public record RunKey(Stage stage, DataCondition condition, Point point, long seed) {

    /** @return the training-set size of the run's condition */
    public int trainSize() {
        return condition.trainSize();
    }

    /**
     * @param sizeDirectory  whether the suite sweeps the training-set size (then each size has its directory)
     * @param noiseDirectory whether the suite sweeps label noise (then each fraction has its directory)
     * @return the result file's path under {@code <out>/runs/}:
     *         {@code [tune/|eval/][trainSize=<n>/][labelNoise=<f>/]<point id>-seed<k>.json}
     */
    public String relativePath(boolean sizeDirectory, boolean noiseDirectory) {
        return (stage == Stage.SINGLE ? "" : stage.id() + "/") + condition.directory(sizeDirectory, noiseDirectory)
                + point.id() + "-seed" + seed + ".json";
    }

    @Override
    public String toString() {
        return (stage == Stage.SINGLE ? "" : stage.id() + " ") + point.id() + " seed " + seed;
    }
}
