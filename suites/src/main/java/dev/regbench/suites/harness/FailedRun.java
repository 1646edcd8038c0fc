package dev.regbench.suites.harness;

/**
 * A run that threw instead of finishing (e.g. a node ran out of memory or lost its data). It is not a result:
 * nothing is written under {@code runs/}, and a rerun of the same command retries it.
 *
 * @param key     which run
 * @param message what went wrong, one line
 */
public record FailedRun(RunKey key, String message) {
}
