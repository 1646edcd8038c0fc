package dev.regbench.reports.input;

/** A report input is unusable as a whole (no runs at all, or an unreadable JMH file). One line. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file and the problem */
    public InputException(String message) {
        super(message);
    }
}
