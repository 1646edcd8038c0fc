package dev.regbench.suites.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The machine's FP32 fused-multiply-add peak, the ceiling every training figure is a fraction of: {@value #CHAINS}
 * independent FMA chains (more than the FMA latency × issue width of current x86 cores, so the units never
 * wait) on the widest vector the JVM offers ({@code FloatVector.SPECIES_PREFERRED}: 16 lanes with AVX-512, 8 with
 * AVX2), one thread per logical core. The {@code gflop} counter, summed over the threads, is reported by JMH in
 * "ops/s", i.e. GFLOP/s: each invocation does {@value #STEPS} × {@value #CHAINS} FMAs of {@link #LANES} lanes,
 * 2 FLOP each. The theoretical figure to compare with is
 * cores × FMA units × lanes × 2 × clock (e.g. 2 units × 8 lanes × 2 = 32 FLOP per cycle per Zen 3 core with
 * AVX2; Zen 4 issues one 16-lane AVX-512 FMA per cycle on the same two 256-bit units, also 32).
 * * Needs the JDK's incubating Vector API ({@code --add-modules=jdk.incubator.vector}), which every JVM regbench starts
 * has it (the POM's {@code vector.module}; JMH forks inherit it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(Threads.MAX)
public class FmaPeak {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Lanes of the vectors used. */
    static final int LANES = SPECIES.length();
    /** Independent accumulators. */
    static final int CHAINS = 12;
    /** FMAs per chain per invocation. */
    static final int STEPS = 4096;

    // Scalars, broadcast inside the benchmark method: vectors kept in fields stay boxed, and C2 then runs the
    // Vector API's Java fallback at about 4 GFLOP/s instead of the instructions (measured).
    private float x = 0.999999f;
    private float y = 1e-7f;

    /**
     * {@value #CHAINS} chains of acc = acc·x + y; the result is consumed so that nothing is eliminated.
     *
     * @param bh      JMH's sink
     * @param counter the FLOP done
     */
    @Benchmark
    public void fma(Blackhole bh, GflopCounter counter) {
        FloatVector m = FloatVector.broadcast(SPECIES, x);
        FloatVector c = FloatVector.broadcast(SPECIES, y);
        FloatVector a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c, a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c;
        for (int i = 0; i < STEPS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        bh.consume(a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD));
        counter.gflop += flops() / 1e9;
    }

    /** @return the FLOP one invocation really does with this JVM's preferred vector length */
    static long flops() {
        return 2L * STEPS * CHAINS * LANES;
    }
}
