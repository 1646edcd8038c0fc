package dev.regbench.suites.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * ({@link VectorKernels#update}); the step function's {@code params −= update} follows as in DL4J.
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

    /** Helper threads for the update pass: one per core beyond the caller's, daemons, shared by all networks. */
    private static final int HELPER_COUNT = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, HELPER_COUNT), r -> {
        Thread t = new Thread(r, "regbench-update");
        t.setDaemon(true);
        return t;
    });

    private List<Range> ranges;
    private boolean planned;
    private long fusedSteps;

    FusedUpdater(MultiLayerNetwork network) {
        super(network);
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize,
                                    LayerWorkspaceMgr workspaceMgr) {
        // DL4J's step function subtracts gradient.gradient() (the flattened gradient, though not always the same
        // Java object as the view: DL4J then takes its "external gradient" path, with the same result).
        INDArray grads = gradient.gradient();
        INDArray params = getParams();
        List<Range> plan = plan();
        if (plan == null || !VectorKernels.contiguousFloat(grads) || grads.length() != params.length()) {
            super.update(gradient, iteration, epoch, batchSize, workspaceMgr);
            return;
        }
        float batch = isMiniBatch() ? batchSize : 1;
        List<Segment> segments = new ArrayList<>(plan.size());
        for (Range r : plan) {
            segments.add(new Segment(r, coefficients(r, batch, iteration, epoch)));
        }
        int threads = threads(params.length());
        if (threads == 1) {
            apply(segments, params, grads, 0, params.length());
        } else {
            // Contiguous chunks of the flattened parameters, one per thread (the caller takes the last).
            long chunk = (params.length() / threads + 63) / 64 * 64;
            List<Future<?>> helpers = new ArrayList<>(threads - 1);
            for (int t = 0; t < threads - 1; t++) {
                long from = t * chunk;
                long to = Math.min(params.length(), from + chunk);
                helpers.add(HELPERS.submit(() -> apply(segments, params, grads, from, to)));
            }
            apply(segments, params, grads, Math.min(params.length(), (threads - 1) * chunk), params.length());
            for (Future<?> f : helpers) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted during the parameter update", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("parameter update failed: " + e.getCause(), e.getCause());
                }
            }
        }
        fusedSteps++;
    }

    /** One parameter array's range with its coefficients at this step. */
    private record Segment(Range range, VectorKernels.Update update) {
    }

    private static VectorKernels.Update coefficients(Range r, float batch, int iteration, int epoch) {
        IUpdater config = r.block().getGradientUpdater().getConfig();
        double lr = config.getLearningRate(iteration, epoch);
        float l1 = 0f;
        float l2 = 0f;
        float decay = 0f;
        for (Regularization penalty : r.penalties()) {
            if (penalty instanceof L1Regularization p) {
                l1 += (float) p.getL1().valueAt(iteration, epoch);
            } else if (penalty instanceof L2Regularization p) {
                l2 += (float) p.getL2().valueAt(iteration, epoch);
            } else if (penalty instanceof WeightDecay p) {
                double scale = p.getCoeff().valueAt(iteration, epoch);
                decay += (float) (p.isApplyLR() ? scale * lr : scale);
            }
        }
        float momentum = config instanceof Nesterovs n ? (float) n.currentMomentum(iteration, epoch) : Float.NaN;
        return new VectorKernels.Update(batch, l1, l2, (float) lr, momentum, decay);
    }

    /** Updates the elements [from, to) of the flattened parameters: each segment's part of that interval. */
    private static void apply(List<Segment> segments, INDArray params, INDArray grads, long from, long to) {
        for (Segment s : segments) {
            UpdaterBlock.ParamState p = s.range().param();
            long start = Math.max(from, p.getParamOffsetStart());
            long end = Math.min(to, p.getParamOffsetEnd());
            if (start < end) {
                boolean nesterov = !Float.isNaN(s.update().momentum());
                VectorKernels.update(params, grads, nesterov ? s.range().block().getUpdaterView() : null, start, end,
                        start - s.range().block().getParamOffsetStart(), s.update());
            }
        }
    }

    /**
     * @return threads for a pass over {@code n} parameters: libnd4j's OpenMP threads (the cores this run may
     *         use: regbench sets one per core, a sweep one per run), 1 for small networks (under 256 K
     *         parameters a second thread's hand-off costs more than it saves)
     */
    private static int threads(long n) {
        return n < 256 * 1024 ? 1 : Math.max(1, Math.min(HELPER_COUNT + 1, Nd4j.getEnvironment().maxThreads()));
    }

    /** @return the ranges to update in one pass each, or {@code null} if this network needs DL4J's path */
    private List<Range> plan() {
        if (planned) {
            return ranges;
        }
        planned = true;
        if (!VectorKernels.contiguousFloat(getParams())) {
            return null;
        }
        List<Range> plan = new ArrayList<>();
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
                plan.add(new Range(block, param, penalties));
            }
        }
        ranges = List.copyOf(plan);
        return ranges;
    }

    /** @return how many steps took the fused path (for tests) */
    long fusedSteps() {
        return fusedSteps;
    }
}
