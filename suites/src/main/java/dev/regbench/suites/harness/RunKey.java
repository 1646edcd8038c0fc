package dev.regbench.suites.harness;

import dev.regbench.reports.schema.RunResult;
import dev.regbench.suites.suite.Variant;

/**
 * One run of a suite: a regularizer variant and a seed.
 *
 * @param variant the regularizer
 * @param seed    the seed
 */
public record RunKey(Variant variant, long seed) {
    /** @return the result file name, {@code <regularizer>-seed<k>.json} */
    public String fileName() {
        return RunResult.fileName(variant.name(), seed);
    }

    @Override
    public String toString() {
        return variant.name() + " seed " + seed;
    }
}
