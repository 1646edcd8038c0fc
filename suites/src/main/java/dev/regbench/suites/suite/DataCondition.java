package dev.regbench.suites.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One data condition of a suite: a training-set size and a label-noise fraction. A suite runs its whole
 * protocol (tuning, selection, evaluation) once per condition; the report compares regularizers within a
 * condition and plots across them.
 *
 * @param trainSize  training examples, ≥ 1
 * @param labelNoise fraction of training labels replaced by random ones, in [0, 1] (0: the true labels)
 */
public record DataCondition(int trainSize, double labelNoise) {
    /** Validates the ranges. */
    public DataCondition {
        if (trainSize < 1) {
            throw new IllegalArgumentException("trainSize must be >= 1, was " + trainSize);
        }
        if (!(labelNoise >= 0 && labelNoise <= 1)) {
            throw new IllegalArgumentException("labelNoise must be in [0, 1], was " + labelNoise);
        }
    }

    /**
     * @param sizes  whether the suite has several training-set sizes
     * @param noises whether it has several label-noise fractions
     * @return the directory of this condition's result files, e.g. {@code trainSize=1000/labelNoise=0.5/}; empty
     *         for a suite with one condition
     */
    public String directory(boolean sizes, boolean noises) {
        return (sizes ? "trainSize=" + trainSize + "/" : "") + (noises ? "labelNoise=" + Sweep.format(labelNoise) + "/"
                : "");
    }

    /** @return e.g. {@code trainSize 1000, labelNoise 0.5} (the noise only when there is some) */
    public String describe() {
        return "trainSize " + trainSize + (labelNoise > 0 ? ", labelNoise " + Sweep.format(labelNoise) : "");
    }

    /**
     * @param sizes  training-set sizes
     * @param noises label-noise fractions
     * @return every combination, sizes varying slowest
     */
    public static List<DataCondition> grid(List<Integer> sizes, List<Double> noises) {
        List<DataCondition> all = new ArrayList<>();
        for (int n : sizes) {
            for (double f : noises) {
                all.add(new DataCondition(n, f));
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%s", trainSize, Sweep.format(labelNoise));
    }
}
