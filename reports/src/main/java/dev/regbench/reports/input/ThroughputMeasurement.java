package dev.regbench.reports.input;

/**
 * One JMH benchmark result.
 *
 * @param benchmark   short benchmark name, e.g. {@code TrainStep.fit}
 * @param task        {@code task} parameter ({@code mnist}, {@code polynomial}), or {@code -}
 * @param regularizer {@code regularizer} parameter, or {@code -}
 * @param batchSize   {@code batchSize} parameter, or 0
 * @param backend     backend the JMH run used (from its {@code backend} parameter or file name), or {@code -}
 * @param score       JMH primary score
 * @param error       JMH score error (99.9 % CI half-width), NaN if JMH gave none
 * @param unit        JMH score unit, e.g. {@code ops/s}
 * @param examplesPerSecond score converted to training examples per second when the unit allows, else NaN
 */
public record ThroughputMeasurement(String benchmark, String task, String regularizer, int batchSize,
                                    String backend, double score, double error, String unit,
                                    double examplesPerSecond) {
}
