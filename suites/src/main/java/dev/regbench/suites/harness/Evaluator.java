package dev.regbench.suites.harness;

import dev.regbench.datasets.Examples;
import dev.regbench.reports.schema.TaskType;
import dev.regbench.suites.network.FloatValues;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Measures a network on a dataset in inference mode (no dropout), in batches of contiguous row views. The loss
 * is the pure data loss — never DL4J's {@code score()}, which adds the regularization penalty and, during
 * training, sees dropout noise. Classification: the mean cross-entropy in nats, computed from the output layer's
 * logits z by the log-softmax in double precision, log Σ exp(z) − z_true (so a confidently wrong prediction costs
 * what it costs, not the 23 nats a probability clipped at 1e-10 would cap it at); accuracy from the largest logit.
 * Regression: the mean squared error of the identity output.
 */
public final class Evaluator {
    /** Rows per forward pass: large enough for efficient GEMMs, small enough for modest memory. */
    public static final int BATCH = 2000;

    private static final String WORKSPACE_ID = "REGBENCH_EVALUATION";
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder().initialSize(0)
            .overallocationLimit(0.05).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP).policyMirroring(MirroringPolicy.FULL)
            .policySpill(SpillPolicy.REALLOCATE).build();

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
     * @param net  the network (its last layer a softmax output layer for classification)
     * @param data the examples
     * @param type classification or regression
     * @return loss and accuracy
     */
    public static Evaluation evaluate(MultiLayerNetwork net, Examples data, TaskType type) {
        int n = data.size();
        double lossSum = 0;
        long correct = 0;
        int width = data.outputs();
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            INDArray features = data.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            float[] target = FloatValues.of(data.targets().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()), 'c');
            if (type == TaskType.CLASSIFICATION) {
                float[] z = FloatValues.of(logits(net, features), 'c');
                for (int row = 0; row < to - from; row++) {
                    int base = row * width;
                    int predicted = 0;
                    int actual = 0;
                    double max = z[base];
                    for (int k = 1; k < width; k++) {
                        if (z[base + k] > z[base + predicted]) {
                            predicted = k;
                        }
                        if (target[base + k] > target[base + actual]) {
                            actual = k;
                        }
                        max = Math.max(max, z[base + k]);
                    }
                    double sum = 0;
                    for (int k = 0; k < width; k++) {
                        sum += Math.exp((double) z[base + k] - max);
                    }
                    lossSum += max + Math.log(sum) - z[base + actual];
                    if (predicted == actual) {
                        correct++;
                    }
                }
            } else {
                float[] out = FloatValues.of(net.output(features, false), 'c');
                for (int row = 0; row < to - from; row++) {
                    int base = row * width;
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

    /**
     * @param net      a classifier
     * @param features a batch of inputs
     * @return the output layer's pre-softmax activations z = a·W + b, in inference mode, {@code [rows, classes]}
     */
    static INDArray logits(MultiLayerNetwork net, INDArray features) {
        int last = net.getnLayers() - 1;
        Layer output = net.getLayer(last);
        // Layer by layer in one workspace reused from batch to batch: DL4J's feedForwardToLayer copies every
        // layer's activations out of its workspaces, and fresh 8 MB arrays per layer and batch cost page faults
        // (measured on the MNIST MLP: 22-33 k examples/s against 30-43 k for net.output).
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.builder().defaultWorkspace(WORKSPACE_ID, WORKSPACE).build();
            INDArray input = features;
            for (int l = 0; l < last; l++) {
                InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(l);
                if (pre != null) {
                    input = pre.preProcess(input, (int) input.size(0), mgr);
                }
                input = net.getLayer(l).activate(input, false, mgr);
            }
            // z = aW + b with a row-major result: libnd4j's matmul runs it on oneDNN (INDArray.mmul's column-major
            // result would go to OpenBLAS on one thread).
            INDArray w = output.getParam("W");
            INDArray z = Nd4j.createUninitialized(w.dataType(), input.size(0), w.size(1));
            Nd4j.exec(new Mmul(input.castTo(w.dataType()), w, z, MMulTranspose.allFalse()));
            return z.addiRowVector(output.getParam("b")).detach();
        }
    }
}
