package dev.regbench.reports.input;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One JMH benchmark result.
 *
 * @param benchmark   short benchmark name, e.g. {@code TrainStep.fit}
 * @param params      all JMH parameters as {@code name=value} pairs, comma-separated (e.g. {@code order=c, shape=128x784x1024})
 * @param task        {@code task} parameter ({@code mnist}, {@code polynomial}), or {@code -}
 * @param regularizer {@code regularizer} parameter, or {@code -}
 * @param batchSize   {@code batchSize} parameter, or 0
 * @param backend     backend the JMH run used (from its {@code backend} parameter or file name), or {@code -}
 * @param score       JMH primary score
 * @param error       JMH score error (99.9 % CI half-width), NaN if JMH gave none
 * @param unit        JMH score unit, e.g. {@code ops/s}
 * @param examplesPerSecond score converted to training examples per second when the unit allows, else NaN
 * @param gflopPerSecond    the {@code gflop} counter (GEMM benchmarks), else NaN
 */
public record ThroughputMeasurement(String benchmark, String params, String task, String regularizer, int batchSize,
                                    String backend, double score, double error, String unit,
                                    double examplesPerSecond, double gflopPerSecond) {
    /** JMH parameters that the report shows in their own columns or axes. */
    private static final Set<String> SHOWN = Set.of("task", "regularizer", "batchSize");

    /**
     * @return the values of the parameters other than task, regularizer and batch size (e.g. {@code tuned} for
     *         {@code implementation=tuned}), comma-separated, for titles; empty if there are none
     */
    public String otherParamValues() {
        return Arrays.stream(params.split(", "))
                .filter(p -> !p.isEmpty() && !SHOWN.contains(p.substring(0, Math.max(0, p.indexOf('=')))))
                .map(p -> p.substring(p.indexOf('=') + 1))
                .collect(Collectors.joining(", "));
    }
}
