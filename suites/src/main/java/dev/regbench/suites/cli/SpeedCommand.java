package dev.regbench.suites.cli;

import dev.regbench.suites.CpuProbe;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.bench.SpeedRounds;
import dev.regbench.suites.network.Implementation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code regbench speed}: DL4J's and PyTorch's training throughput and each regularizer's overhead, measured in
 * interleaved rounds on this machine ({@link SpeedRounds}), against the machine's own FMA peak.
 */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = "Training throughput of DL4J (TrainStep's step) and PyTorch (same network, data and step) in "
                + "paired rounds of short interleaved blocks, with 95 %% intervals for every ratio; writes "
                + "<out>/speed-rounds.jsonl and <out>/speed-summary.md.")
final class SpeedCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", defaultValue = "mnist", description = "mnist or polynomial (default: ${DEFAULT-VALUE})")
    private String task;

    @Option(names = "--regularizers", split = ",", defaultValue = "none,l1,l2,dropout-l2",
            description = "regularizers of the task's suite, none first (default: ${DEFAULT-VALUE})")
    private List<String> regularizers;

    @Option(names = "--implementation", defaultValue = "tuned", description = "tuned or stock (default: ${DEFAULT-VALUE})")
    private String implementation;

    @Option(names = "--rounds", defaultValue = "20", description = "rounds, ≥ 2 (default: ${DEFAULT-VALUE})")
    private int rounds;

    @Option(names = "--seconds", defaultValue = "1", description = "seconds per timed block (default: ${DEFAULT-VALUE})")
    private int seconds;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with torch (Debian's python3-torch), or 'none' for DL4J only (default: ${DEFAULT-VALUE})")
    private String python;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the rounds' orders (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", defaultValue = "results/speed", description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 2 || seconds < 1 || !regularizers.contains("none")) {
            err.println("regbench speed: --rounds must be >= 2, --seconds >= 1, and --regularizers must include none");
            return 2;
        }
        try {
            Implementation.Choice choice = Implementation.of(implementation).choose();
            if (choice.note() != null) {
                err.println("regbench speed: " + choice.note() + "; measure it with --implementation stock");
                return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println("regbench speed: " + e.getMessage());
            return 2;
        }
        boolean torch = !python.equals("none");
        if (torch && !Files.isExecutable(Path.of(python))) {
            err.println("regbench speed: no Python at " + python + " (apt-get install python3-torch libopenblas0-pthread), "
                    + "or pass --python none to measure DL4J only");
            return 2;
        }
        Files.createDirectories(out);
        Path journal = out.resolve("speed-rounds.jsonl");
        Files.deleteIfExists(journal);
        Path home = Path.of(System.getProperty("regbench.home", "."));
        SpeedRounds rounds = new SpeedRounds(new SpeedRounds.Plan(task, regularizers, implementation, this.rounds,
                torch ? Path.of(python) : null, home, seed, seconds), journal, err::println);
        String cpu = CpuProbe.current().label();
        err.println("regbench speed on " + cpu + ": FMA peak (JMH FmaPeak, one thread per core) ...");
        double peakBefore = rounds.fmaPeak();
        err.printf("  %.1f GFLOP/s%n", peakBefore);
        List<SpeedRounds.TorchThreads> threads = torch ? SpeedRounds.torchCandidates() : List.of();
        err.println("rounds (order shuffled per round; PyTorch in every thread configuration, its best per "
                + "regularizer in the table):");
        List<SpeedRounds.Measurement> all = rounds.run(threads);
        // Measured again after the rounds: one measurement in a slow spell of a shared host understated the
        // peak by half (96.8 against 187.9 GFLOP/s in the previous run), and the table's "of FMA peak" exceeded 100 %.
        err.println("FMA peak again, after the rounds ...");
        double peakAfter = rounds.fmaPeak();
        double peak = Math.max(peakBefore, peakAfter);
        long parameters = rounds.parameters();
        StringWriter text = new StringWriter();
        SpeedRounds.summarize(all, regularizers, parameters, peak, cpu, new PrintWriter(text));
        String summary = text + String.format("%nFMA peak %.1f GFLOP/s (JMH FmaPeak, %d threads, the better of %.1f before "
                + "and %.1f after the rounds); useful FLOP = 6 x %,d parameters x examples; commit %s%n", peak,
                Runtime.getRuntime().availableProcessors(), peakBefore, peakAfter, parameters,
                EnvironmentProbe.current().gitCommit());
        Files.writeString(out.resolve("speed-summary.md"), summary);
        spec.commandLine().getOut().print(summary);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
