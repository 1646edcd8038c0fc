package dev.regbench.suites.tuned;

import dev.regbench.suites.network.Accelerator;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * regbench's tuned training classes behind the {@link Accelerator} seam (registered with
 * {@link java.util.ServiceLoader} in {@code META-INF/services}). They work on ND4J's CPU backend only: the kernels
 * read and write ND4J's buffers in place, which on the CUDA backend are host copies that nothing would mark as
 * changed. {@link #unavailable()} refuses any other backend, a JVM without the Vector API, and a JDK whose Vector
 * API cannot reach off-heap memory in either form ({@link FloatMemory}); it also runs the update kernel once on a
 * small ND4J array and checks its result, so that a broken kernel never trains.
 */
public final class TunedAccelerator implements Accelerator {
    private static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    /** For {@link java.util.ServiceLoader}. */
    public TunedAccelerator() {
    }

    @Override
    public Optional<String> unavailable() {
        // Lazily: FloatMemory and the self-test load Vector API classes, which a JVM without the module lacks.
        return unavailable(Nd4j.getBackend().getClass().getName(), VectorApi.available(), FloatMemory::available,
                SelfTest::failure);
    }

    /**
     * The decision, in the order it is made (the self-test runs only where the rest allows the kernels).
     *
     * @param backendClass ND4J's backend class name
     * @param vectorApi    whether the JVM has {@code jdk.incubator.vector}
     * @param floatMemory  whether the Vector API reaches off-heap memory on this JDK (asked only with the Vector API)
     * @param selfTest     the kernels' start-up self-test: empty when they compute what they should
     * @return the one-line reason the tuned implementation cannot run here; empty if it can
     */
    static Optional<String> unavailable(String backendClass, boolean vectorApi,
                                        java.util.function.BooleanSupplier floatMemory,
                                        java.util.function.Supplier<Optional<String>> selfTest) {
        if (!backendClass.equals(CPU_BACKEND)) {
            return Optional.of("the tuned implementation runs on ND4J's CPU backend only (this is "
                    + backendClass.substring(backendClass.lastIndexOf('.') + 1)
                    + "): DL4J's stock classes train instead");
        }
        if (!vectorApi) {
            return Optional.of(VectorApi.MISSING);
        }
        if (!floatMemory.getAsBoolean()) {
            return Optional.of("this JDK's Vector API (Java " + Runtime.version().feature() + ") reaches off-heap "
                    + "memory neither through ByteBuffers nor MemorySegments: use Java 17 or 22+, or "
                    + "--implementation stock");
        }
        return selfTest.get();
    }

    @Override
    public String layout() {
        return ActivationLayout.forThisMachine().id();
    }

    @Override
    public String layout(dev.regbench.suites.network.NetworkSpec spec) {
        return JavaStep.enabled() && SmallDense.eligible(spec).isEmpty() ? SmallDense.LAYOUT : layout();
    }

    @Override
    public String layout(org.deeplearning4j.nn.multilayer.MultiLayerNetwork net) {
        return net instanceof TunedNetwork t && t.javaStep() ? SmallDense.LAYOUT : layout();
    }

    @Override
    public java.util.List<String> layouts() {
        return java.util.Arrays.stream(ActivationLayout.values()).map(ActivationLayout::id).toList();
    }

    @Override
    public void forceLayout(String id) {
        ActivationLayout.override(ActivationLayout.of(id));
    }

    @Override
    public String description() {
        return "regbench's tuned DL4J classes: dense and output layers that reuse the forward pass's products and run "
                + "them on oneDNN in the " + layout() + " layout, dropout masks drawn in Java from libnd4j's "
                + "generator, a fused SGD/Nesterov update with its penalties (" + OmpRegion.api() + " region: "
                + (OmpRegion.available() ? "every OpenMP thread" : "one thread") + "), penalty scores from that "
                + "pass, max-norm in one Java pass per unit; Adam and losses are DL4J's; networks of at most "
                + SmallDense.MAX_PARAMETERS + " parameters with an identity output train every step in Java (the "
                + SmallDense.LAYOUT + " layout)";
    }

    @Override
    public DenseLayer dense(DenseLayer stock) {
        return ReusingDenseLayer.of(stock);
    }

    @Override
    public OutputLayer output(OutputLayer stock) {
        return ReusingOutputLayer.of(stock);
    }

    @Override
    public Regularization l1(double lambda) {
        return new L1Penalty(lambda);
    }

    @Override
    public Regularization l2(double lambda) {
        return new L2Penalty(lambda);
    }

    @Override
    public org.deeplearning4j.nn.api.layers.LayerConstraint maxNorm(double maxNorm) {
        return new ColumnMaxNorm(maxNorm);
    }

    @Override
    public Regularization weightDecay(double lambda) {
        return new DecoupledWeightDecay(lambda);
    }

    @Override
    public IDropout dropout(double retain) {
        return new UniformMaskDropout(retain);
    }

    @Override
    public MultiLayerNetwork network(MultiLayerConfiguration conf) {
        return TunedNetwork.create(conf);
    }

    /** One fused Nesterov+L1+L2+decay update of a small ND4J array, checked element by element against Java. */
    private static final class SelfTest {
        private static final Optional<String> FAILURE = run();

        static Optional<String> failure() {
            return FAILURE;
        }

        private static Optional<String> run() {
            try {
                int n = 37; // whole vectors and a tail on every vector width
                float[] w = new float[n];
                float[] g = new float[n];
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    w[i] = (i % 5 - 2) * 0.25f;
                    g[i] = (i % 7 - 3) * 0.5f;
                    v[i] = (i % 3 - 1) * 0.125f;
                }
                INDArray params = Nd4j.createFromArray(w).castTo(DataType.FLOAT);
                INDArray grads = Nd4j.createFromArray(g).castTo(DataType.FLOAT);
                INDArray state = Nd4j.createFromArray(v).castTo(DataType.FLOAT);
                VectorKernels.Update u = new VectorKernels.Update(4f, 0.5f, 0.25f, 0.125f, 0.875f, 0.0625f);
                VectorKernels.update(params, grads, state, 0, n, 0, u, null);
                float[] gotW = params.toFloatVector();
                float[] gotV = state.toFloatVector();
                for (int i = 0; i < n; i++) {
                    float gi = g[i] / u.batch() + Math.signum(w[i]) * u.l1() + w[i] * u.l2();
                    float prev = u.momentum() * v[i];
                    float vi = prev - u.learningRate() * gi;
                    float wi = w[i] - (prev + (-u.momentum() - 1f) * vi + w[i] * u.decay());
                    if (Float.compare(vi, gotV[i]) != 0 || Float.compare(wi, gotW[i]) != 0) {
                        return Optional.of("the tuned update kernel failed its start-up check on this JDK (element "
                                + i + ": " + gotW[i] + " instead of " + wi + "): DL4J's stock classes train instead");
                    }
                }
                return Optional.empty();
            } catch (RuntimeException | LinkageError e) {
                return Optional.of("the tuned kernels cannot run on this JDK (" + e + "): DL4J's stock classes "
                        + "train instead");
            }
        }
    }
}
