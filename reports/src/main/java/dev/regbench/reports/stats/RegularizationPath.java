package dev.regbench.reports.stats;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One regularizer's path along one swept parameter: the underfit ↔ overfit curve. Each point is a grid value
 * of the parameter, with the regularizer's other swept parameters held at their chosen values; its training,
 * validation and test losses (and errors) are summarized over the tuning seeds at each run's reported epoch.
 * Test values are shown, never used: the choice is made on validation only.
 *
 * @param regularizer the regularizer's name
 * @param kind        its kind
 * @param parameter   the swept parameter, e.g. {@code lambda}
 * @param fixed       the other swept parameters' values along this path
 * @param points      one per grid value, ascending
 * @param chosen      the chosen value of {@code parameter}, if a choice was made
 */
public record RegularizationPath(String regularizer, String kind, String parameter, Map<String, Double> fixed,
                                 List<Point> points, Optional<Double> chosen) {

    /**
     * One grid value.
     *
     * @param value            the parameter's value
     * @param trainLoss        training data loss over the tuning seeds
     * @param validationLoss   validation data loss
     * @param testLoss         test data loss
     * @param trainError       training error (%), classification only (else n = 0)
     * @param validationError  validation error (%)
     * @param testError        test error (%)
     * @param diverged         tuning runs at this value that diverged
     */
    public record Point(double value, Summary trainLoss, Summary validationLoss, Summary testLoss, Summary trainError,
                        Summary validationError, Summary testError, int diverged) {
    }

    /** @return whether a logarithmic axis suits the values (all positive, spanning at least a factor 10) */
    public boolean logarithmic() {
        double min = points.stream().mapToDouble(Point::value).min().orElse(0);
        double max = points.stream().mapToDouble(Point::value).max().orElse(0);
        return min > 0 && max / min >= 10;
    }
}
