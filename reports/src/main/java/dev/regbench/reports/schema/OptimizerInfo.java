package dev.regbench.reports.schema;

/**
 * The updater a run trained with (every regularizer of a suite alike, at one grid point of a swept learning rate).
 *
 * @param type         {@code sgd}, {@code nesterov} or {@code adam} (DL4J's Sgd, Nesterovs, Adam)
 * @param learningRate learning rate η₀ (before the schedule), &gt; 0
 * @param momentum     momentum for {@code nesterov} (its start, if it rises); absent otherwise
 * @param schedule     how the learning rate (and momentum) changed during training, e.g. {@code cosine to 0, 1 warm-up
 *                     epoch}; absent for a constant rate and in files of minor version &lt; 4
 */
public record OptimizerInfo(String type, double learningRate, Double momentum, String schedule) {
    /** A constant learning rate (files of minor version &lt; 4). */
    public OptimizerInfo(String type, double learningRate, Double momentum) {
        this(type, learningRate, momentum, null);
    }
}
