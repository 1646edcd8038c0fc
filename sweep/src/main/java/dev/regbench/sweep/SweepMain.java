package dev.regbench.sweep;

/** {@code regbench sweep}'s entry point (scripts/regbench sweep, or the main class for spark-submit). */
public final class SweepMain {
    private SweepMain() {
    }

    /** @param args the sweep command's arguments */
    public static void main(String[] args) {
        System.exit(SweepCommand.execute(args));
    }
}
