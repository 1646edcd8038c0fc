package dev.regbench.suites.harness;

import dev.regbench.datasets.Examples;
import dev.regbench.reports.schema.TaskType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Measures a network on a dataset in inference mode (no dropout), in batches of contiguous row views.
 * The loss is the pure data loss — mean cross-entropy in nats (probabilities clipped at 1e-10, as DL4J's
 * MCXENT does) or mean squared error — never DL4J's {@code score()}, which adds the regularization penalty
 * and, during training, sees dropout noise.
 */
public final class Evaluator {
    /** Rows per forward pass: large enough for efficient GEMMs, small enough for modest memory. */
    public static final int BATCH = 2000;
    private static final double CLIP = 1e-10;

    private Evaluator() {
    }

    /**
     * Result of one evaluation.
     *
     * @param loss     mean data loss per example
     * @param accuracy fraction correct in [0, 1] (classification), else NaN
     */
    public record Evaluation(double loss, double accuracy) {
    }

    /**
     * @param net  the network
     * @param data the examples
     * @param type classification or regression
     * @return loss and accuracy
     */
    public static Evaluation evaluate(MultiLayerNetwork net, Examples data, TaskType type) {
        int n = data.size();
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            INDArray features = data.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            float[] out = net.output(features, false).ravel().toFloatVector();
            float[] target = data.targets().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).ravel().toFloatVector();
            int width = data.outputs();
            for (int row = 0; row < to - from; row++) {
                int base = row * width;
                if (type == TaskType.CLASSIFICATION) {
                    int predicted = 0;
                    int actual = 0;
                    for (int k = 0; k < width; k++) {
                        if (out[base + k] > out[base + predicted]) {
                            predicted = k;
                        }
                        if (target[base + k] > target[base + actual]) {
                            actual = k;
                        }
                        if (target[base + k] != 0) {
                            lossSum -= target[base + k] * Math.log(Math.min(1.0, Math.max(CLIP, out[base + k])));
                        }
                    }
                    if (predicted == actual) {
                        correct++;
                    }
                } else {
                    double squared = 0;
                    for (int k = 0; k < width; k++) {
                        double d = out[base + k] - target[base + k];
                        squared += d * d;
                    }
                    lossSum += squared / width;
                }
            }
        }
        double accuracy = type == TaskType.CLASSIFICATION ? (double) correct / n : Double.NaN;
        return new Evaluation(lossSum / n, accuracy);
    }
}
