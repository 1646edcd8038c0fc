package dev.regbench.suites.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything about a network except its regularization: the base every variant of a suite shares.
 *
 * @param inputs     input units, ≥ 1 (784 for MNIST, 1 for the polynomial task)
 * @param hidden     units per hidden layer, each ≥ 1; may be empty (a linear/softmax model)
 * @param outputs    output units, ≥ 1 (10 classes, or 1 regression target)
 * @param activation hidden-layer activation
 * @param weightInit weight initialization
 * @param output     output layer and loss
 * @param optimizer  the updater
 */
public record NetworkSpec(int inputs, List<Integer> hidden, int outputs, Activation activation,
                          WeightInitScheme weightInit, OutputKind output, OptimizerSpec optimizer) {
    /** Validates sizes. */
    public NetworkSpec {
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(weightInit, "weightInit");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(optimizer, "optimizer");
        if (inputs < 1 || outputs < 1 || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("layer sizes must be >= 1: " + layerSizesOf(inputs, hidden, outputs));
        }
    }

    /** @return units per layer, input first */
    public List<Integer> layerSizes() {
        return layerSizesOf(inputs, hidden, outputs);
    }

    /** @return trainable parameters of each weight layer (fanIn·fanOut weights + fanOut biases) */
    public List<Long> parametersPerLayer() {
        List<Integer> sizes = layerSizes();
        List<Long> counts = new ArrayList<>();
        for (int i = 1; i < sizes.size(); i++) {
            counts.add((long) sizes.get(i - 1) * sizes.get(i) + sizes.get(i));
        }
        return counts;
    }

    private static List<Integer> layerSizesOf(int inputs, List<Integer> hidden, int outputs) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputs);
        sizes.addAll(hidden);
        sizes.add(outputs);
        return sizes;
    }
}
