package dev.regbench.suites.harness;

/** The output directory cannot be used (unwritable, locked, or holding results of another configuration). */
public final class OutputException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the path and the fix */
    public OutputException(String message) {
        super(message);
    }
}
