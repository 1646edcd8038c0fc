package dev.regbench.reports.schema;

/**
 * The updater every variant of a suite trains with.
 *
 * @param type         {@code sgd}, {@code nesterov} or {@code adam} (DL4J's Sgd, Nesterovs, Adam)
 * @param learningRate learning rate, &gt; 0
 * @param momentum     momentum for {@code nesterov}; absent otherwise
 */
public record OptimizerInfo(String type, double learningRate, Double momentum) {
}
