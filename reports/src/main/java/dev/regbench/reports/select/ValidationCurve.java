package dev.regbench.reports.select;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.SplitMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's validation measurements, epoch by epoch, and nothing else: the only view of a run that the
 * protocol's choices get. Built by copying the {@code validation} field of each epoch; training and test
 * metrics are not carried over.
 *
 * @param points one per evaluated epoch, epoch 0 first
 */
public record ValidationCurve(List<Point> points) {

    /**
     * One epoch's validation measurement.
     *
     * @param epoch     epoch number, ≥ 0
     * @param metrics   validation loss and accuracy
     */
    public record Point(int epoch, SplitMetrics metrics) {
    }

    /** Copies the list. */
    public ValidationCurve {
        points = List.copyOf(points);
    }

    /**
     * @param epochs a run's per-epoch records
     * @return their validation measurements
     * @throws IllegalArgumentException if an epoch has no validation measurement (a suite without validation set)
     */
    public static ValidationCurve of(List<EpochMetrics> epochs) {
        List<Point> points = new ArrayList<>();
        for (EpochMetrics m : epochs) {
            if (m.validation() == null) {
                throw new IllegalArgumentException("epoch " + m.epoch() + " has no validation measurement");
            }
            points.add(new Point(m.epoch(), new SplitMetrics(m.validation().loss(), m.validation().accuracy())));
        }
        return new ValidationCurve(points);
    }
}
