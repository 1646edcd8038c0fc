package dev.regbench.sweep;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code regbench sweep} as {@link SweepMain} runs it, in a process of its own, with the faults of
 * {@code -Dregbench.test.faults=PATH,PATH…} injected into the named runs' tasks (see {@link SweepSpec#faults}).
 */
final class FaultySweepMain {
    private FaultySweepMain() {
    }

    public static void main(String[] args) {
        Set<String> faults = Arrays.stream(System.getProperty("regbench.test.faults", "").split(","))
                .filter(s -> !s.isBlank()).collect(Collectors.toSet());
        System.exit(SweepMain.execute(new SweepCommand(faults), args));
    }
}
