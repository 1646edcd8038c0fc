package dev.regbench.suites.cli;

import dev.regbench.suites.CpuProbe;
import dev.regbench.suites.bench.BuildComparison;
import dev.regbench.suites.network.Accelerator;
import dev.regbench.suites.network.Implementation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code regbench compare-builds}: the training step of two builds of the suites module, in one JVM, in paired
 * rounds ({@link BuildComparison}); {@code scripts/compare-builds.sh} builds two git revisions and calls it.
 */
@Command(name = "compare-builds", mixinStandardHelpOptions = true,
        description = "Training-step speed of two builds of regbench-suites (their jars) in one JVM, alternating "
                + "blocks of steps in paired rounds; prints the candidate's speed-up over the baseline with a 95 %% "
                + "interval. scripts/compare-builds.sh REV_A REV_B builds two revisions and runs this.")
final class CompareBuildsCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE_JAR", description = "the baseline build's regbench-suites jar")
    private Path baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE_JAR", description = "the candidate build's regbench-suites jar")
    private Path candidate;

    @Option(names = "--task", defaultValue = "mnist", description = "mnist or polynomial (default: ${DEFAULT-VALUE})")
    private String task;

    @Option(names = "--regularizer", defaultValue = "none", description = "a regularizer of the task's suite (default: ${DEFAULT-VALUE})")
    private String regularizer;

    @Option(names = "--rounds", defaultValue = "60", description = "rounds, ≥ 2 (default: ${DEFAULT-VALUE})")
    private int rounds;

    @Option(names = "--steps", defaultValue = "10", description = "training steps per block, ≥ 1 (default: ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the rounds' orders (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--baseline-layout", defaultValue = Accelerator.MACHINE_LAYOUT, paramLabel = "LAYOUT",
            description = "the baseline's activation layout: machine (this machine's choice), feature-major or "
                    + "batch-major (default: ${DEFAULT-VALUE})")
    private String baselineLayout;

    @Option(names = "--candidate-layout", defaultValue = Accelerator.MACHINE_LAYOUT, paramLabel = "LAYOUT",
            description = "the candidate's; one jar given twice with two layouts compares the layouts on this "
                    + "machine (default: ${DEFAULT-VALUE})")
    private String candidateLayout;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 2 || steps < 1) {
            err.println("regbench compare-builds: --rounds must be >= 2 and --steps >= 1");
            return 2;
        }
        Accelerator accelerator = Implementation.accelerator().orElse(null);
        if (accelerator == null) {
            err.println("regbench compare-builds: this build has no tuned implementation (package "
                    + "dev.regbench.suites.tuned) to compare");
            return 2;
        }
        for (String layout : java.util.List.of(baselineLayout, candidateLayout)) {
            if (!layout.equals(Accelerator.MACHINE_LAYOUT) && !accelerator.layouts().contains(layout)) {
                err.println("regbench compare-builds: unknown layout '" + layout + "': use "
                        + Accelerator.MACHINE_LAYOUT + " or " + String.join(" or ", accelerator.layouts()));
                return 2;
            }
        }
        err.println("regbench compare-builds on " + CpuProbe.current().label() + ": " + task + " / " + regularizer
                + "; this machine's layout: " + accelerator.layout());
        BuildComparison.Result result;
        try {
            result = BuildComparison.run(new BuildComparison.Plan(baseline, candidate, task, regularizer, rounds,
                    steps, seed, baselineLayout, candidateLayout), err::println);
        } catch (IOException e) {
            err.println("regbench compare-builds: " + e.getMessage());
            return RegbenchCli.USER_ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("baseline  %s (layout %s): median %,.0f µs/step%ncandidate %s (layout %s): median %,.0f µs/step%n"
                        + "candidate / baseline throughput: %s (%d paired rounds of %d steps; 95 %% t interval)%n",
                baseline, baselineLayout, result.baselineMedian(), candidate, candidateLayout,
                result.candidateMedian(), result.speedup().describe(), rounds, steps);
        out.flush();
        return 0;
    }
}
