package dev.regbench.suites.tuned;

import dev.regbench.suites.network.FloatValues;
import dev.regbench.suites.tuned.SmallDense.DenseLayerPlan;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * One DL4J training step of a {@link SmallDense} network, computed in Java on float arrays instead of by some 40
 * ND4J operations: the forward pass with DL4J's dropout masks (libnd4j's generator, {@link LibNd4jUniforms}, in
 * the order DL4J draws them, leaving it in the state DL4J would), the mean-squared-error gradient, backprop, the
 * division by the batch, L1/L2 before and weight decay after the updater, the updater (SGD, Nesterov or Adam, with
 * their schedules) and {@code params −= update}, each in DL4J's order of float operations; only the order of the
 * products' sums differs ({@link DenseKernels}). The parameters and the updater's state stay in DL4J's arrays
 * (parameters read before and written after every step, the updater's state read at the first and written after
 * every step), so the network is DL4J's in every other respect. {@link TunedNetwork}
 * calls it from {@code fit}, then applies DL4J's constraints and counts the iteration as DL4J's optimizer does.
 */
final class JavaStep {
    private final SmallDense plan;
    private final MultiLayerNetwork net;
    private final float[] params;
    private final float[] grad;
    /** Adam's first moment or Nesterov's velocity (DL4J's updater state, mirrored). */
    private final float[] m;
    /** Adam's second moment. */
    private final float[] v;
    private final float[][] wt;
    /** Where DL4J keeps {@link #m} and {@link #v}: per updater block, its range and state view. */
    private final List<UpdaterBlock> blocks;
    private int rows = -1;
    /** Whether {@link #m} and {@link #v} hold DL4J's updater state (read at the first step). */
    private boolean stateRead;
    /** raw[l]: layer l's input before dropout ({@code [rows, nIn]}; raw[0] the features), raw[L] the output. */
    private float[][] raw;
    /** dropped[l]: layer l's input after dropout (null where the layer has none); masks[l]: 1/p or 0. */
    private float[][] dropped;
    private float[][] masks;
    private float[] delta;
    private float[] back;
    /** Inference activations per batch size (an evaluation uses two or three sizes, over and over). */
    private final java.util.Map<Integer, float[][]> inference = new java.util.HashMap<>();

    /** Whether networks built from now on may train in Java (tests and benchmarks compare both paths). */
    private static volatile boolean enabled = !Boolean.getBoolean("regbench.noJavaStep");

    /** @return whether networks built from now on may train in Java */
    static boolean enabled() {
        return enabled;
    }

    /** @param on whether networks built from now on may train in Java (true by default) */
    static void enable(boolean on) {
        enabled = on;
    }

    private JavaStep(SmallDense plan, MultiLayerNetwork net, List<UpdaterBlock> blocks) {
        this.plan = plan;
        this.net = net;
        this.blocks = blocks;
        params = new float[plan.size()];
        grad = new float[plan.size()];
        m = new float[plan.size()];
        v = new float[plan.size()];
        wt = new float[plan.layers().size()][];
        for (int l = 0; l < wt.length; l++) {
            wt[l] = new float[plan.layers().get(l).nIn() * plan.layers().get(l).nOut()];
        }
    }

    /**
     * @param net an initialized network whose updater is DL4J's {@link MultiLayerUpdater}
     * @return the step for it, or empty if it is no {@link SmallDense} network or its updater state is laid out
     *         otherwise than one contiguous block of parameters per state view
     */
    static Optional<JavaStep> of(MultiLayerNetwork net) {
        Optional<SmallDense> plan = SmallDense.of(net);
        if (plan.isEmpty() || !(net.getUpdater() instanceof MultiLayerUpdater updater)) {
            return Optional.empty();
        }
        int perParameter = plan.get().updater() instanceof Adam ? 2 : plan.get().updater() instanceof Nesterovs ? 1 : 0;
        List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        for (UpdaterBlock b : blocks) {
            INDArray view = b.getUpdaterView();
            long n = b.getParamOffsetEnd() - b.getParamOffsetStart();
            if (perParameter > 0 && (view == null || view.length() != perParameter * n || !VectorKernels.contiguousFloat(view))) {
                return Optional.empty();
            }
        }
        return Optional.of(new JavaStep(plan.get(), net, List.copyOf(blocks)));
    }

    /**
     * One training step on a batch, as DL4J's {@code fit(features, labels)} takes it.
     *
     * @param features  {@code [rows, nIn]}
     * @param labels    {@code [rows, nOut]}
     * @param iteration DL4J's iteration count before the step (schedules, Adam's bias correction)
     * @param epoch     DL4J's epoch count
     * @return the score DL4J reports for the step: the mean loss plus the penalties of the parameters before it
     */
    double fit(INDArray features, INDArray labels, int iteration, int epoch) {
        int n = (int) features.size(0);
        ensureRows(n);
        FloatMemory pm = FloatMemory.of(net.params());
        int pOff = (int) net.params().offset() * Float.BYTES;
        pm.read(pOff, params, 0, plan.size());
        if (!stateRead) { // afterwards m and v are this step's own, written back after every step
            transferState(false);
            stateRead = true;
        }
        float[] y = FloatValues.of(labels, 'c');
        List<DenseLayerPlan> layers = plan.layers();
        int count = layers.size();
        System.arraycopy(FloatValues.of(features, 'c'), 0, raw[0], 0, n * layers.get(0).nIn());
        LibNd4jUniforms generator = null;
        for (int l = 0; l < count; l++) {
            DenseLayerPlan layer = layers.get(l);
            if (layer.dropout() != null) {
                if (generator == null) {
                    generator = LibNd4jUniforms.current().orElseThrow(() -> new IllegalStateException(
                            "dropout needs libnd4j's CPU generator")); // TunedAccelerator runs on the CPU backend only
                }
                float retain = (float) (layer.dropout().getPSchedule() != null
                        ? layer.dropout().getPSchedule().valueAt(iteration, epoch) : layer.dropout().getP());
                int length = n * layer.nIn();
                float scale = 1.0f / retain; // DL4J's kept value, computed in float
                float[] mask = masks[l];
                float[] in = raw[l];
                float[] out = dropped[l];
                for (int e = 0; e < length; e++) {
                    mask[e] = generator.uniform(e) < retain ? scale : 0f;
                    out[e] = in[e] * mask[e];
                }
                generator = generator.afterDraw(length);
            }
            DenseKernels.transpose(params, layer.w(), layer.nIn(), layer.nOut(), wt[l]);
            DenseKernels.forward(input(l), n, layer.nIn(), wt[l], params, layer.b(), layer.nOut(), raw[l + 1]);
            activate(layer, raw[l + 1], n * layer.nOut());
        }
        if (generator != null) {
            generator.store();
        }
        // Mean squared error over the outputs (DL4J's LossMSE): per example Σ(ŷ − y)² / nOut, mean over the batch;
        // its gradient 2(ŷ − y) / nOut per example (DL4J divides by the batch in the updater).
        int outputs = layers.get(count - 1).nOut();
        float[] predicted = raw[count];
        double loss = 0;
        for (int e = 0; e < n * outputs; e++) {
            float d = predicted[e] - y[e];
            loss += (double) d * d;
            delta[e] = d * 2f / outputs;
        }
        loss = loss / outputs / n;
        for (int l = count - 1; l >= 0; l--) {
            DenseLayerPlan layer = layers.get(l);
            DenseKernels.parameterGradients(input(l), delta, n, layer.nIn(), layer.nOut(), grad, layer.w(), layer.b());
            if (l == 0) {
                break; // DL4J's training backprop never needs the input's gradient (TunedNetwork skips it too)
            }
            DenseKernels.inputGradient(delta, n, layer.nIn(), layer.nOut(), params, layer.w(), back);
            int length = n * layer.nIn();
            if (layer.dropout() != null) {
                float[] mask = masks[l];
                for (int e = 0; e < length; e++) {
                    back[e] = back[e] * mask[e];
                }
            }
            derivative(layers.get(l - 1), raw[l], back, length);
            System.arraycopy(back, 0, delta, 0, length);
        }
        double penalty = update(n, iteration, epoch);
        pm.write(pOff, params, 0, plan.size());
        transferState(true);
        return loss + penalty;
    }

    /** @return layer {@code l}'s input as it computed with it: the raw input, or its dropped-out copy */
    private float[] input(int l) {
        return plan.layers().get(l).dropout() != null ? dropped[l] : raw[l];
    }

    private void ensureRows(int n) {
        if (n == rows) {
            return;
        }
        rows = n;
        List<DenseLayerPlan> layers = plan.layers();
        raw = new float[layers.size() + 1][];
        dropped = new float[layers.size()][];
        masks = new float[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            raw[l] = new float[n * layers.get(l).nIn()];
            if (layers.get(l).dropout() != null) {
                masks[l] = new float[n * layers.get(l).nIn()];
                dropped[l] = new float[n * layers.get(l).nIn()];
            }
        }
        raw[layers.size()] = new float[n * layers.get(layers.size() - 1).nOut()];
        delta = new float[n * plan.widest()];
        back = new float[n * plan.widest()];
    }

    /** y = f(z) in place over the first {@code length} elements. */
    private static void activate(DenseLayerPlan layer, float[] z, int length) {
        switch (layer.activation()) {
            case TANH -> DenseKernels.tanh(z, z, length);
            case RELU -> {
                for (int e = 0; e < length; e++) {
                    z[e] = Math.max(0f, z[e]);
                }
            }
            case LEAKY_RELU -> {
                for (int e = 0; e < length; e++) {
                    z[e] = z[e] < 0f ? layer.alpha() * z[e] : z[e];
                }
            }
            case SIGMOID -> {
                for (int e = 0; e < length; e++) {
                    z[e] = (float) (1.0 / (1.0 + StrictMath.exp(-z[e])));
                }
            }
            case IDENTITY -> {
            }
        }
    }

    /** d ← d ⊙ f'(z), from the layer's outputs y = f(z). */
    private static void derivative(DenseLayerPlan layer, float[] y, float[] d, int length) {
        switch (layer.activation()) {
            case TANH -> {
                for (int e = 0; e < length; e++) {
                    d[e] = d[e] * (1f - y[e] * y[e]);
                }
            }
            case RELU -> {
                for (int e = 0; e < length; e++) {
                    d[e] = y[e] > 0f ? d[e] : 0f;
                }
            }
            case LEAKY_RELU -> {
                for (int e = 0; e < length; e++) {
                    d[e] = y[e] >= 0f ? d[e] : d[e] * layer.alpha();
                }
            }
            case SIGMOID -> {
                for (int e = 0; e < length; e++) {
                    d[e] = d[e] * (y[e] * (1f - y[e]));
                }
            }
            case IDENTITY -> {
            }
        }
    }

    /**
     * The updater's constants at one iteration, in float as libnd4j computes with them.
     *
     * @param adam     Adam's configuration, or null
     * @param nesterov Nesterov's configuration, or null (neither: plain SGD)
     * @param alpha    Adam's bias-corrected step ({@link #adamStep})
     * @param mu       Nesterov's momentum; {@code muT} = −μ − 1
     */
    private record Rule(float batch, double lr, float lrF, Adam adam, Nesterovs nesterov, float beta1, float beta2,
                        float epsilon, float alpha, float mu, float muT) {
        static Rule of(SmallDense plan, int batchSize, int iteration, int epoch) {
            double lr = plan.updater().getLearningRate(iteration, epoch);
            Adam adam = plan.updater() instanceof Adam a ? a : null;
            Nesterovs nesterov = plan.updater() instanceof Nesterovs n ? n : null;
            float beta1 = adam == null ? 0f : (float) adam.getBeta1();
            float beta2 = adam == null ? 0f : (float) adam.getBeta2();
            float epsilon = adam == null ? 0f : (float) adam.getEpsilon();
            float mu = nesterov == null ? 0f : (float) nesterov.currentMomentum(iteration, epoch);
            return new Rule(plan.miniBatch() ? batchSize : 1f, lr, (float) lr, adam, nesterov, beta1, beta2, epsilon,
                    adam == null ? 0f : adamStep((float) lr, beta1, beta2, epsilon, iteration), mu, -mu - 1f);
        }
    }

    /**
     * DL4J's update of every parameter: g/batch, + λ₁·sign(w), + λ₂·w, the updater, + decay·w, w −= update.
     *
     * @return the penalties of the parameters before the update (what DL4J adds to the score; {@link SmallDense}
     *         admits only penalties that are {@link NormPenalty})
     */
    private double update(int batchSize, int iteration, int epoch) {
        Rule rule = Rule.of(plan, batchSize, iteration, epoch);
        double penalty = 0;
        for (DenseLayerPlan layer : plan.layers()) {
            penalty += range(layer.w(), layer.nIn() * layer.nOut(), layer.wPenalties(), rule, iteration, epoch);
            penalty += range(layer.b(), layer.nOut(), layer.bPenalties(), rule, iteration, epoch);
        }
        return penalty;
    }

    /**
     * libnd4j's Adam step size in float: α_t = lr·√(1 − β₂^(t+1)) / (1 − β₁^(t+1)), ε if that is not finite or 0.
     */
    static float adamStep(float lr, float beta1, float beta2, float epsilon, int iteration) {
        float t = iteration + 1;
        float beta1T = (float) Math.pow(beta1, t);
        float beta2T = (float) Math.pow(beta2, t);
        float alpha = (float) (lr * (float) Math.sqrt((float) (1.0 - beta2T)) / (1.0 - beta1T));
        return Float.isNaN(alpha) || alpha == 0f || Float.isInfinite(alpha) ? epsilon : alpha;
    }

    private double range(int from, int length, List<Regularization> penalties, Rule u, int iteration, int epoch) {
        PenaltyCoefficients c = PenaltyCoefficients.of(penalties, u.lr(), iteration, epoch);
        float oneMinusBeta1 = 1 - u.beta1();
        float oneMinusBeta2 = 1 - u.beta2();
        double squares = 0;
        double magnitudes = 0;
        for (int i = from; i < from + length; i++) {
            float w = params[i];
            squares += (double) w * w;
            magnitudes += Math.abs(w);
            float g = grad[i] / u.batch();
            if (c.l1() != 0f) {
                g = g + Math.signum(w) * c.l1();
            }
            if (c.l2() != 0f) {
                g = g + w * c.l2();
            }
            float up;
            if (u.adam() != null) {
                float mi = u.beta1() * m[i] + g * oneMinusBeta1;
                float vi = u.beta2() * v[i] + g * g * oneMinusBeta2;
                m[i] = mi;
                v[i] = vi;
                up = mi * u.alpha() / ((float) Math.sqrt(vi) + u.epsilon());
            } else if (u.nesterov() != null) {
                float prev = m[i] * u.mu();
                float vi = prev - g * u.lrF();
                m[i] = vi;
                up = prev + vi * u.muT();
            } else {
                up = g * u.lrF();
            }
            if (c.decay() != 0f) {
                up = up + w * c.decay();
            }
            params[i] = w - up;
        }
        double score = 0;
        for (Regularization p : penalties) {
            score += ((NormPenalty) p).score(squares, magnitudes, iteration, epoch);
        }
        return score;
    }

    /** Copies the updater state between DL4J's view and {@link #m}, {@link #v}: to DL4J if {@code write}. */
    private void transferState(boolean write) {
        if (plan.updater() instanceof org.nd4j.linalg.learning.config.Sgd) {
            return;
        }
        boolean adam = plan.updater() instanceof Adam;
        for (UpdaterBlock b : blocks) {
            INDArray view = b.getUpdaterView();
            FloatMemory mem = FloatMemory.of(view);
            int start = (int) b.getParamOffsetStart();
            int length = (int) (b.getParamOffsetEnd() - start);
            int at = (int) view.offset() * Float.BYTES;
            // DL4J's AdamUpdater: the first half of the view is m, the second v; Nesterovs: the velocity.
            if (write) {
                mem.write(at, m, start, length);
                if (adam) {
                    mem.write(at + length * Float.BYTES, v, start, length);
                }
            } else {
                mem.read(at, m, start, length);
                if (adam) {
                    mem.read(at + length * Float.BYTES, v, start, length);
                }
            }
        }
    }

    /**
     * The network's output in inference mode (no dropout), as DL4J's {@code output(input, false)} gives it (from the
     * parameters as they are in DL4J's array now).
     *
     * @param input {@code [rows, nIn]}
     * @return {@code [rows, nOut]}
     */
    INDArray output(INDArray input) {
        int n = (int) input.size(0);
        FloatMemory.of(net.params()).read((int) net.params().offset() * Float.BYTES, params, 0, plan.size());
        float[] a = FloatValues.of(input, 'c');
        float[][] z = inference.computeIfAbsent(n, rows -> plan.layers().stream()
                .map(l -> new float[rows * l.nOut()]).toArray(float[][]::new));
        for (int l = 0; l < plan.layers().size(); l++) {
            DenseLayerPlan layer = plan.layers().get(l);
            DenseKernels.transpose(params, layer.w(), layer.nIn(), layer.nOut(), wt[l]);
            DenseKernels.forward(a, n, layer.nIn(), wt[l], params, layer.b(), layer.nOut(), z[l]);
            activate(layer, z[l], z[l].length);
            a = z[l];
        }
        return Nd4j.create(a, new long[] {n, plan.layers().get(plan.layers().size() - 1).nOut()}, 'c');
    }

    /** @return whether {@link #output} and {@link #fit} take arrays of this shape and type */
    boolean accepts(INDArray a, int columns) {
        return a != null && a.rank() == 2 && a.size(1) == columns && a.dataType() == DataType.FLOAT;
    }

    SmallDense plan() {
        return plan;
    }

}
