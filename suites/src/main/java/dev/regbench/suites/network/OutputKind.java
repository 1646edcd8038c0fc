package dev.regbench.suites.network;

import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The output layer and loss, fixed by the task. */
public enum OutputKind {
    /** Softmax over classes with multi-class cross-entropy (mean over examples, in nats). */
    SOFTMAX_CROSS_ENTROPY("softmax-cross-entropy", org.nd4j.linalg.activations.Activation.SOFTMAX, LossFunction.MCXENT),
    /** Identity output with mean squared error. */
    IDENTITY_MSE("identity-mse", org.nd4j.linalg.activations.Activation.IDENTITY, LossFunction.MSE);

    private final String id;
    private final org.nd4j.linalg.activations.Activation activation;
    private final LossFunction loss;

    OutputKind(String id, org.nd4j.linalg.activations.Activation activation, LossFunction loss) {
        this.id = id;
        this.activation = activation;
        this.loss = loss;
    }

    /** @return the name recorded in results */
    public String id() {
        return id;
    }

    /** @return the output layer's activation */
    public org.nd4j.linalg.activations.Activation activation() {
        return activation;
    }

    /** @return the loss */
    public LossFunction loss() {
        return loss;
    }
}
