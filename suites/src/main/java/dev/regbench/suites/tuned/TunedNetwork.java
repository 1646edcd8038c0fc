package dev.regbench.suites.tuned;

import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link MultiLayerNetwork} for the {@linkplain Implementation#TUNED tuned} implementation: the same
 * network, parameters and training, with two pieces of per-step work removed.
 * <ul>
 *   <li><b>The input gradient is not computed when nobody reads it.</b> In {@code fit}, DL4J backpropagates
 *       into the first layer's input (784×1024 multiply-adds per example for the MNIST MLP, 12 % of the
 *       step's matrix products) and then discards it. When DL4J asks for the gradients without the input's
 *       ({@code returnInputActGrad == false}: training), a first {@link ReusingDenseLayer} skips that product.
 *       {@code calculateGradients} and external-error backprop still get it.</li>
 *   <li><b>One pass for the update</b> ({@link FusedUpdater}): batch division, penalties and the Nesterov
 *       updater fused; in training the same pass also sums the norms the penalties' score needs
 *       ({@link TunedSgd}), where DL4J reads every parameter once more for it.</li>
 * </ul>
 */
final class TunedNetwork extends MultiLayerNetwork {
    /** Set by {@link TunedSgd} around a training step whose update scores the penalties. */
    private boolean deferPenalty;
    /** The score lacks the penalties, which the update is to add ({@link #settlePenalty}). */
    private boolean penaltyPending;

    /** Every step of this network in Java, or null: ND4J's layers and DL4J's updater. */
    private JavaStep javaStep;

    private TunedNetwork(MultiLayerConfiguration conf) {
        super(conf);
    }

    /**
     * @param conf a configuration built by {@link NetworkFactory} with the tuned implementation
     * @return the (uninitialized) network
     * @throws IllegalStateException naming the fix if this JVM lacks the Vector API module
     */
    static TunedNetwork create(MultiLayerConfiguration conf) {
        VectorApi.require();
        return new TunedNetwork(conf);
    }

    @Override
    public void init(INDArray parameters, boolean cloneParametersArray) {
        super.init(parameters, cloneParametersArray);
        if (!(solver instanceof TunedSolver)
                && conf().getOptimizationAlgo() == OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT) {
            FusedStep step = new FusedStep();
            solver = new TunedSolver(conf(), getListeners(), this, step);
            solver.initOptimizer();
            solver.getOptimizer().setUpdater(new FusedUpdater(this, step));
        }
        javaStep = JavaStep.enabled() ? JavaStep.of(this).orElse(null) : null;
    }

    /** @return whether this network trains every step in Java ({@link JavaStep}) */
    boolean javaStep() {
        return javaStep != null;
    }

    /**
     * DL4J's {@code fit}: a {@link SmallDense} network's step in Java where nothing DL4J-specific is asked for (no
     * masks, no listeners, standard backprop), then DL4J's iteration count and constraints; otherwise DL4J's.
     */
    @Override
    public void fit(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        JavaStep s = javaStep;
        if (s == null || featuresMask != null || labelsMask != null || !getListeners().isEmpty()
                || getLayerWiseConfigurations().getBackpropType() != org.deeplearning4j.nn.conf.BackpropType.Standard
                || !s.accepts(features, s.plan().layers().get(0).nIn())
                || !s.accepts(labels, s.plan().layers().get(s.plan().layers().size() - 1).nOut())
                || features.size(0) != labels.size(0)) {
            super.fit(features, labels, featuresMask, labelsMask);
            return;
        }
        setScore(s.fit(features, labels, getIterationCount(), getEpochCount()));
        org.deeplearning4j.optimize.solvers.BaseOptimizer.incrementIterationCount(this, 1);
        org.deeplearning4j.optimize.solvers.BaseOptimizer.applyConstraints(this);
        synchronizeIterEpochCounts();
    }

    /** DL4J's inference output; a {@link SmallDense} network's computed in Java. */
    @Override
    public INDArray output(INDArray input, boolean train) {
        JavaStep s = javaStep;
        if (s == null || train || !s.accepts(input, s.plan().layers().get(0).nIn())) {
            return super.output(input, train);
        }
        return s.output(input);
    }

    @Override
    protected Pair<Gradient, INDArray> calcBackpropGradients(INDArray epsilon, boolean withOutputLayer, boolean tbptt,
                                                             boolean returnInputActGrad) {
        ReusingDenseLayerImpl first = !returnInputActGrad && layers != null && layers.length > 0
                && layers[0] instanceof ReusingDenseLayerImpl l && getLayerWiseConfigurations().getInputPreProcess(0) == null
                ? l : null;
        if (first == null) {
            return super.calcBackpropGradients(epsilon, withOutputLayer, tbptt, returnInputActGrad);
        }
        first.discardInputGradient(true);
        try {
            return super.calcBackpropGradients(epsilon, withOutputLayer, tbptt, returnInputActGrad);
        } finally {
            first.discardInputGradient(false);
        }
    }

    /**
     * DL4J's penalty score, except during a training step whose update scores the penalties ({@link TunedSgd}):
     * then 0, and the penalties are pending until the update settles them.
     */
    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        if (deferPenalty && backpropParamsOnly) {
            penaltyPending = true;
            return 0;
        }
        return super.calcRegularizationScore(backpropParamsOnly);
    }

    /** @param defer whether the coming loss computation leaves the penalties to the update (false clears) */
    void deferPenalty(boolean defer) {
        deferPenalty = defer;
        penaltyPending = false;
    }

    /** @return whether the score lacks the penalties, for the update to add */
    boolean penaltyPending() {
        return penaltyPending;
    }

    /** @return the penalties of the parameters as they are now (DL4J's own computation) */
    double penaltyNow() {
        return super.calcRegularizationScore(true);
    }

    /** @param penalty the penalties of the parameters the loss was computed with, added to the score */
    void settlePenalty(double penalty) {
        setScore(score() + penalty);
        penaltyPending = false;
    }

    /** @return the fused updater (for tests) */
    FusedUpdater fusedUpdater() {
        return (FusedUpdater) getUpdater();
    }

    /** @return the step function (for tests) */
    FusedStep fusedStep() {
        return (FusedStep) solver.getOptimizer().getStepFunction();
    }
}
