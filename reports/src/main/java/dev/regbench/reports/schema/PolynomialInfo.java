package dev.regbench.reports.schema;

import java.util.List;

/**
 * The synthetic polynomial task a regression run trained on, enough to draw the classic overfitting figure.
 *
 * @param coefficients the true polynomial's coefficients, constant term first
 * @param noiseStdDev  standard deviation of the Gaussian noise added to y
 * @param trainX       training inputs in [-1, 1]
 * @param trainY       noisy training targets
 */
public record PolynomialInfo(List<Double> coefficients, double noiseStdDev, List<Double> trainX,
                             List<Double> trainY) {
}
