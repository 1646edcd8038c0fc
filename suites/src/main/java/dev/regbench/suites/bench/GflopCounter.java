package dev.regbench.suites.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Floating-point work per second, for the ceiling benchmarks ({@link Gemm}, {@link FmaPeak}): each invocation adds
 * the GFLOP it did, and JMH reports the counter — summed over threads — as {@code :gflop} in "ops/s", i.e. GFLOP/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class GflopCounter {
    /** GFLOP done in the current iteration. */
    public double gflop;

    /** Resets the count every iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        gflop = 0;
    }
}
