package dev.regbench.suites.bench;

import dev.regbench.suites.ThreadSettings;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ND4J's float32 GEMM (C = A·B) at the shapes of the MNIST MLP's layers, in the same JVM configuration as
 * training: the machine's ceiling for this workload. With row-major operands ({@code order=c}, the default)
 * libnd4j's matmul runs on oneDNN in regbench's CPU build, as the tuned layers' products do; {@code order=f}
 * shows OpenBLAS, which DL4J's stock layers get for their column-major results. The {@code gflop} counter is reported by JMH in
 * "ops/s", i.e. GFLOP/s (2·m·k·n floating-point operations per multiplication).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Gemm {
    /**
     * {@code m x k x n}: forward of the first and second hidden layers at batch 128, the first layer's weight
     * gradient (784×128 · 128×1024), and the output layer.
     */
    @Param({"128x784x1024", "128x1024x1024", "784x128x1024", "128x1024x10"})
    public String shape;

    /** Array order of the operands: 'c' (row-major) or 'f' (column-major, DL4J's weight layout). */
    @Param({"c"})
    public String order;

    private INDArray a;
    private INDArray b;
    private INDArray c;
    private double flopPerCall;

    /** Allocates the operands once per trial. */
    @Setup(Level.Trial)
    public void setup() {
        ThreadSettings.apply(null);
        String[] mkn = shape.split("x");
        int m = Integer.parseInt(mkn[0]);
        int k = Integer.parseInt(mkn[1]);
        int n = Integer.parseInt(mkn[2]);
        char o = order.charAt(0);
        Nd4j.getRandom().setSeed(7);
        a = Nd4j.rand(DataType.FLOAT, m, k).dup(o);
        b = Nd4j.rand(DataType.FLOAT, k, n).dup(o);
        c = Nd4j.create(DataType.FLOAT, new long[] {m, n}, o);
        flopPerCall = 2.0 * m * k * n;
    }

    /** @return C (consumed by JMH) */
    @Benchmark
    public INDArray sgemm(GflopCounter counter) {
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        counter.gflop += flopPerCall / 1e9;
        return c;
    }
}
