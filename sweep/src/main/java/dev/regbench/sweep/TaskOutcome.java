package dev.regbench.sweep;

import java.io.Serializable;

/**
 * What a task reports back to the driver (the result itself is in the output directory).
 *
 * @param key     the run
 * @param failure why it threw, one line; null if its result was written (now or by an earlier attempt)
 * @param host    the executor's host name
 * @param seconds wall time of the task, ≥ 0
 */
public record TaskOutcome(TaskKey key, String failure, String host, double seconds) implements Serializable {
    /** @return whether the run's result exists */
    public boolean succeeded() {
        return failure == null;
    }
}
