package dev.regbench.suites.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH auxiliary counter: examples processed, reported by JMH as the secondary metric "examples" (per second). */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ExampleCounter {
    /** Examples processed in the current iteration. */
    public long examples;

    /** Resets the count at the start of every iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        examples = 0;
    }
}
