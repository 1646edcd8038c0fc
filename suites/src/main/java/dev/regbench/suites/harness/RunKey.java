package dev.regbench.suites.harness;

import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.suite.Point;

/**
 * One run of a suite: a stage, a training-set size, a regularizer's grid point and a seed.
 *
 * @param stage     single, tune or eval
 * @param trainSize the training-set size (condition)
 * @param point     the regularizer and its parameter values
 * @param seed      the seed
 */
public record RunKey(Stage stage, int trainSize, Point point, long seed) {

    /**
     * @param sizeDirectory whether the suite sweeps the training-set size (then each size has its directory)
     * @return the result file's path under {@code <out>/runs/}:
     *         {@code [tune/|eval/][trainSize=<n>/]<point id>-seed<k>.json}
     */
    public String relativePath(boolean sizeDirectory) {
        return (stage == Stage.SINGLE ? "" : stage.id() + "/") + (sizeDirectory ? "trainSize=" + trainSize + "/" : "")
                + point.id() + "-seed" + seed + ".json";
    }

    @Override
    public String toString() {
        return (stage == Stage.SINGLE ? "" : stage.id() + " ") + point.id() + " seed " + seed;
    }
}
