package dev.regbench.reports.schema;

import java.util.List;

/**
 * The network and training schedule, identical for every regularizer of a suite.
 *
 * @param layerSizes         units per layer, input first, e.g. {@code [784, 1024, 1024, 10]}
 * @param activation         hidden-layer activation ({@code relu}, {@code tanh}, …)
 * @param weightInit         weight initialization scheme (DL4J's name, e.g. {@code RELU} = He normal)
 * @param output             {@code softmax-cross-entropy} or {@code identity-mse}
 * @param parameters         trainable parameters in all
 * @param parametersPerLayer trainable parameters per layer (weights + biases)
 * @param optimizer          the updater
 * @param batchSize          examples per training step
 * @param epochs             epochs trained (planned; a diverged run stops earlier)
 */
public record NetworkInfo(List<Integer> layerSizes, String activation, String weightInit, String output,
                          long parameters, List<Long> parametersPerLayer, OptimizerInfo optimizer, int batchSize,
                          int epochs) {
}
