package dev.regbench.suites.tuned;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * DL4J's {@link MultiLayerUpdater} with its per-step passes over the parameters done as one: DL4J divides the
 * summed gradient by the batch size (one libnd4j op), adds each L1/L2 penalty's gradient (one or two ops per
 * parameter array), runs the Nesterov updater (one op) and adds decoupled weight decay (one op per array),
 * each a single-threaded pass over the 1.86 M parameters of the MNIST MLP. This class computes the same
 * float expressions in the same order per element, in one vectorized pass per parameter array
 * ({@link VectorKernels#update}), run on both OpenMP threads where the JVM allows it ({@link OmpRegion}),
 * that also takes the step function's {@code params −= update} (DL4J's
 * {@link FusedStep} then skips it). Unlike DL4J, the gradient view is left holding the summed gradient, not
 * the update: writing the update back would cost a third of the pass's stores, and nothing in regbench reads
 * the gradient after the step (DL4J listeners that inspect "updates", such as its UI's, would see gradients).
 *
 * <p>Used only where every updater block is SGD or Nesterov momentum, every penalty is L1, L2 or weight decay,
 * no gradient normalization is configured, every gradient is divided by the batch and the arrays are
 * contiguous floats; anything else (Adam, gradient clipping) takes DL4J's own path.
 */
final class FusedUpdater extends MultiLayerUpdater {
    private static final Set<Class<?>> PENALTIES = Set.of(L1Regularization.class, L1Penalty.class,
            L2Regularization.class, L2Penalty.class, WeightDecay.class, DecoupledWeightDecay.class);

    /** One parameter array's range and the block (updater) it belongs to. */
    private record Range(UpdaterBlock block, UpdaterBlock.ParamState param, List<Regularization> penalties) {
    }

    private final FusedStep step;
    /** The ranges to update, one pass each; {@code null} if this network needs DL4J's path. */
    private final List<Range> plan;
    /** Whether the pass can score every penalty of the plan (there are some, and all are {@link NormPenalty}). */
    private final boolean scoresPenalties;
    /** Whether the pass may run on every OpenMP thread (tests compare it with the pass on one thread). */
    private boolean regions = true;
    private long fusedSteps;
    private long parallelSteps;
    private long penaltiesScored;

    /**
     * @param network the network
     * @param step    the optimizer's step function: the fused pass takes the step itself and tells it so
     */
    FusedUpdater(MultiLayerNetwork network, FusedStep step) {
        super(network); // builds and initializes the updater blocks; keeps the network as this.network
        this.step = step;
        this.plan = plan();
        this.scoresPenalties = plan != null && plan.stream().anyMatch(r -> !r.penalties().isEmpty())
                && plan.stream().allMatch(r -> r.penalties().stream().allMatch(NormPenalty.class::isInstance));
    }

    /**
     * @return whether {@link #update} can score the penalties of the parameters it reads ({@link NormPenalty}):
     *         then {@link TunedNetwork} may leave them out of the score until the update
     */
    boolean scoresPenalties() {
        return scoresPenalties;
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize,
                                    LayerWorkspaceMgr workspaceMgr) {
        // DL4J's step function subtracts gradient.gradient() (the flattened gradient, though not always the same
        // Java object as the view: DL4J then takes its "external gradient" path, with the same result).
        INDArray grads = gradient.gradient();
        INDArray params = getParams();
        TunedNetwork pending = network instanceof TunedNetwork t && t.penaltyPending() ? t : null;
        if (plan == null || !VectorKernels.contiguousFloat(grads) || grads.length() != params.length()) {
            if (pending != null) {
                pending.settlePenalty(pending.penaltyNow()); // from the parameters before this update
            }
            super.update(gradient, iteration, epoch, batchSize, workspaceMgr);
            return;
        }
        float batch = isMiniBatch() ? batchSize : 1;
        VectorKernels.Update[] coefficients = new VectorKernels.Update[plan.size()];
        for (int i = 0; i < plan.size(); i++) {
            Range r = plan.get(i);
            IUpdater config = r.block().getGradientUpdater().getConfig();
            double lr = config.getLearningRate(iteration, epoch);
            PenaltyCoefficients c = PenaltyCoefficients.of(r.penalties(), lr, iteration, epoch);
            boolean nesterov = config instanceof Nesterovs;
            float momentum = nesterov ? (float) ((Nesterovs) config).currentMomentum(iteration, epoch) : Float.NaN;
            coefficients[i] = new VectorKernels.Update(batch, c.l1(), c.l2(), (float) lr, momentum, c.decay());
        }
        // norms[thread][range] = {Σw², Σ|w|} of the thread's share, if the penalties are to be scored here.
        double[][][] norms = pending == null ? null : new double[OmpRegion.maxThreads()][plan.size()][2];
        if (regions && OmpRegion.worthwhile(params.length())) {
            OmpRegion.run((thread, threads) -> updateShare(params, grads, coefficients, thread, threads,
                    norms == null ? null : norms[thread]));
            parallelSteps++;
        } else {
            updateShare(params, grads, coefficients, 0, 1, norms == null ? null : norms[0]);
        }
        if (pending != null) {
            pending.settlePenalty(penalty(norms, iteration, epoch));
            penaltiesScored++;
        }
        step.taken(grads);
        fusedSteps++;
    }

    /** @return the sum of every range's penalties, scored from the norms the threads summed */
    private double penalty(double[][][] norms, int iteration, int epoch) {
        double total = 0;
        for (int i = 0; i < plan.size(); i++) {
            double squares = 0;
            double magnitudes = 0;
            for (double[][] thread : norms) {
                squares += thread[i][0];
                magnitudes += thread[i][1];
            }
            for (Regularization penalty : plan.get(i).penalties()) {
                total += ((NormPenalty) penalty).score(squares, magnitudes, iteration, epoch);
            }
        }
        return total;
    }

    /**
     * Updates thread {@code thread}'s share of every range ({@link OmpRegion#share}). Element-wise, so any
     * split gives the same results.
     */
    private void updateShare(INDArray params, INDArray grads, VectorKernels.Update[] coefficients, int thread,
                             int threads, double[][] norms) {
        for (int i = 0; i < plan.size(); i++) {
            Range r = plan.get(i);
            UpdaterBlock.ParamState p = r.param();
            long from = p.getParamOffsetStart();
            long[] share = OmpRegion.share(p.getParamOffsetEnd() - from, thread, threads);
            long start = share[0];
            long end = share[1];
            if (start >= end) {
                continue;
            }
            boolean nesterov = !Float.isNaN(coefficients[i].momentum());
            VectorKernels.update(params, grads, nesterov ? r.block().getUpdaterView() : null, from + start,
                    from + end, from + start - r.block().getParamOffsetStart(), coefficients[i],
                    norms == null || r.penalties().isEmpty() ? null : norms[i]);
        }
    }

    /** @return the ranges to update in one pass each, or {@code null} if this network needs DL4J's path */
    private List<Range> plan() {
        if (!VectorKernels.contiguousFloat(getParams())) {
            return null;
        }
        List<Range> ranges = new ArrayList<>();
        for (UpdaterBlock block : getUpdaterBlocks()) {
            IUpdater config = block.getGradientUpdater().getConfig();
            boolean nesterov = config.getClass() == Nesterovs.class;
            if (!nesterov && config.getClass() != Sgd.class || block.isPretrainUpdaterBlock()) {
                return null;
            }
            if (nesterov && (block.getUpdaterView() == null || !VectorKernels.contiguousFloat(block.getUpdaterView())
                    || block.getUpdaterView().length() != block.getParamOffsetEnd() - block.getParamOffsetStart())) {
                return null;
            }
            for (UpdaterBlock.ParamState param : block.getLayersAndVariablesInBlock()) {
                Trainable layer = param.getLayer();
                GradientNormalization normalization = layer.getConfig().getGradientNormalization();
                if (normalization != null && normalization != GradientNormalization.None
                        || !layer.updaterDivideByMinibatch(param.getParamName())) {
                    return null;
                }
                List<Regularization> penalties = layer.getConfig().getRegularizationByParam(param.getParamName());
                penalties = penalties == null ? List.of() : List.copyOf(penalties);
                for (Regularization penalty : penalties) {
                    if (!PENALTIES.contains(penalty.getClass())) {
                        return null;
                    }
                }
                ranges.add(new Range(block, param, penalties));
            }
        }
        return List.copyOf(ranges);
    }

    /** @param allow whether the pass may run on every OpenMP thread (true, the default) or on the caller's only */
    void allowRegions(boolean allow) {
        regions = allow;
    }

    /** @return how many fused steps ran on every thread of an OpenMP region (for tests) */
    long parallelSteps() {
        return parallelSteps;
    }

    /** @return how many steps took the fused path (for tests) */
    long fusedSteps() {
        return fusedSteps;
    }

    /** @return how many fused steps scored the penalties from the norms they summed (for tests) */
    long penaltiesScored() {
        return penaltiesScored;
    }
}
