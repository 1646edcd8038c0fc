package dev.regbench.datasets;

import java.util.List;
import java.util.Locale;

/**
 * The synthetic regression task y = p(x) + ε, x uniform in [-1, 1], ε ~ N(0, noiseStdDev²): the classic
 * overfitting picture (Bishop, "Pattern Recognition and Machine Learning", §1.1) with a network in place of
 * the high-degree polynomial fit.
 *
 * @param coefficients p's coefficients, constant term first ({@code c0 + c1·x + c2·x² …}); empty means
 *                     "draw {@code degree + 1} coefficients uniformly from [-1, 1] with the task's seed"
 * @param degree       p's degree, in [0, 20]; must be {@code coefficients.size() - 1} when coefficients are given
 * @param noiseStdDev  standard deviation of the additive Gaussian noise, in the units of y, ≥ 0
 * @param trainPoints      training set size, ≥ 1 (small, e.g. 30: the overfitting regime)
 * @param validationPoints validation set size, ≥ 0 (drawn from the same distribution as the test set, with its
 *                         own seed stream; 0 only for exploratory suites: nothing can then be chosen)
 * @param testPoints       test set size, ≥ 1 (large, e.g. 1000)
 */
public record PolynomialSpec(List<Double> coefficients, int degree, double noiseStdDev, int trainPoints,
                             int validationPoints, int testPoints) {
    /** Default training set size. */
    public static final int DEFAULT_TRAIN_POINTS = 30;
    /** Default validation set size. */
    public static final int DEFAULT_VALIDATION_POINTS = 200;
    /** Default test set size. */
    public static final int DEFAULT_TEST_POINTS = 1000;

    /** Validates every field; messages name the field and the bad value. */
    public PolynomialSpec {
        coefficients = List.copyOf(coefficients);
        if (degree < 0 || degree > 20) {
            throw new IllegalArgumentException("polynomial.degree must be in [0, 20], was " + degree);
        }
        if (!coefficients.isEmpty() && coefficients.size() != degree + 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "polynomial.degree %d disagrees with the %d coefficients given (degree = count - 1)",
                    degree, coefficients.size()));
        }
        for (double c : coefficients) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("polynomial.coefficients must be finite, found " + c);
            }
        }
        if (!(noiseStdDev >= 0) || !Double.isFinite(noiseStdDev)) {
            throw new IllegalArgumentException("polynomial.noiseStdDev must be finite and >= 0, was " + noiseStdDev);
        }
        if (trainPoints < 1) {
            throw new IllegalArgumentException("polynomial.trainPoints must be >= 1, was " + trainPoints);
        }
        if (validationPoints < 0) {
            throw new IllegalArgumentException("polynomial.validationPoints must be >= 0, was " + validationPoints);
        }
        if (testPoints < 1) {
            throw new IllegalArgumentException("polynomial.testPoints must be >= 1, was " + testPoints);
        }
    }

    /** @return a spec with the given coefficients (constant term first) */
    public static PolynomialSpec ofCoefficients(List<Double> coefficients, double noiseStdDev, int trainPoints,
                                                int validationPoints, int testPoints) {
        return new PolynomialSpec(coefficients, coefficients.size() - 1, noiseStdDev, trainPoints, validationPoints,
                testPoints);
    }

    /** @return a spec whose coefficients are drawn from the task seed */
    public static PolynomialSpec ofDegree(int degree, double noiseStdDev, int trainPoints, int validationPoints,
                                          int testPoints) {
        return new PolynomialSpec(List.of(), degree, noiseStdDev, trainPoints, validationPoints, testPoints);
    }

    /** @return this spec with another training set size */
    public PolynomialSpec withTrainPoints(int points) {
        return new PolynomialSpec(coefficients, degree, noiseStdDev, points, validationPoints, testPoints);
    }
}
