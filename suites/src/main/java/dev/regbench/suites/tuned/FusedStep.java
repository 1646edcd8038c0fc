package dev.regbench.suites.tuned;

import org.deeplearning4j.optimize.api.StepFunction;
import org.deeplearning4j.optimize.stepfunctions.NegativeGradientStepFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's SGD step function ({@link NegativeGradientStepFunction}: params −= update), except after a
 * {@link FusedUpdater} pass that has already taken the step for this gradient: then it does nothing. Saves a
 * pass over the parameters per training step.
 */
final class FusedStep implements StepFunction {
    private static final long serialVersionUID = 1L;
    private final NegativeGradientStepFunction dl4j = new NegativeGradientStepFunction();
    private transient long takenLength = -1;
    private transient long skipped;

    /** @param gradient the gradient whose update the fused pass has just subtracted from the parameters */
    void taken(INDArray gradient) {
        takenLength = gradient.length();
    }

    @Override
    public void step(INDArray x, INDArray line, double step) {
        takenLength = -1;
        dl4j.step(x, line, step);
    }

    @Override
    public void step(INDArray x, INDArray line) {
        if (takenLength >= 0 && takenLength == line.length()) {
            takenLength = -1;
            skipped++;
            return;
        }
        takenLength = -1;
        dl4j.step(x, line);
    }

    @Override
    public void step() {
        takenLength = -1;
        dl4j.step();
    }

    /** @return how many steps the fused pass had already taken (for tests) */
    long skipped() {
        return skipped;
    }
}
