package dev.regbench.suites.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Training throughput of DL4J ({@link TrainStep}'s step, in this JVM) and of PyTorch
 * ({@code scripts/pytorch-reference.py bench}, the same network, data stream and step, in a long-lived process:
 * {@link TorchBench}) in paired rounds: every round times one block of steps of every (framework, regularizer),
 * in an order shuffled per round, so that the machine's drift falls on all of them alike and ratios can be taken
 * within a round ({@link RatioEstimate}). Blocks last seconds, not the minute a JMH fork or a fresh process
 * needs, so the members of a round see the same state of a shared machine (whose speed changes by 2× within a
 * minute, see docs/performance.md). Every subject is warmed up with {@value #WARM_UP_PASSES} untimed blocks
 * first, and a pause of {@value #PAUSE_MS} ms before each block lets the previous block's spinning OpenMP and
 * OpenBLAS threads go idle.
 * PyTorch runs in every candidate thread configuration — (1 intra-op + cores BLAS threads), (cores + 1) and
 * (1 + 1) — in every round, and the table uses, for each regularizer, the configuration with the highest median
 * over the rounds: its best, chosen on the same rounds it is compared in. (Choosing before the rounds from two
 * short runs each let noise pick a configuration 22 % slower than another for {@code none} on a noisy machine.)
 */
public final class SpeedRounds {
    /**
     * Untimed blocks of every subject before the rounds. One was too few for the polynomial network, whose step
     * is Java-side op dispatch that the JIT kept speeding up for half a minute (DL4J 16,872 ex/s in the first
     * round, 25,000–37,000 from the fourth).
     */
    static final int WARM_UP_PASSES = 3;

    /** The pause before each timed block, ms. */
    static final int PAUSE_MS = 200;

    /**
     * One measurement: a block's examples/s. Journals of earlier versions also hold round-0 lines (PyTorch
     * thread-choice probes in a fresh process), which the summary ignores.
     */
    public record Measurement(int round, int position, String framework, String regularizer, String threads,
                              double examplesPerSecond) {
    }

    /** A PyTorch thread configuration. */
    public record TorchThreads(int intraOp, int blas) {
        @Override
        public String toString() {
            return intraOp + " intra-op + " + blas + " BLAS";
        }
    }

    /**
     * What to measure.
     *
     * @param task           {@code mnist} or {@code polynomial}
     * @param regularizers   regularizer names of that suite; must include {@code none}
     * @param implementation {@code tuned} or {@code stock}
     * @param rounds         rounds (≥ 2 for intervals)
     * @param python         a Python with torch, or {@code null} for DL4J only
     * @param home           regbench's directory (for the PyTorch script)
     * @param seed           seed of the per-round orders
     * @param seconds        length of each measured interval, s (JMH iterations and PyTorch intervals alike)
     */
    public record Plan(String task, List<String> regularizers, String implementation, int rounds, Path python,
                       Path home, long seed, int seconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Plan plan;
    private final Consumer<String> log;
    private final Path journal;

    /**
     * @param plan    what to measure
     * @param journal file to which every measurement is appended as one JSON line as soon as it is made
     * @param log     progress lines
     */
    public SpeedRounds(Plan plan, Path journal, Consumer<String> log) {
        this.plan = plan;
        this.journal = journal;
        this.log = log;
    }

    /** @return PyTorch's candidate thread configurations on this machine */
    public static List<TorchThreads> torchCandidates() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores == 1 ? List.of(new TorchThreads(1, 1))
                : List.of(new TorchThreads(1, cores), new TorchThreads(cores, 1), new TorchThreads(1, 1));
    }

    /**
     * @param torchThreads PyTorch's configurations to measure, each for every regularizer (empty: DL4J only)
     * @return every measurement of the rounds
     * @throws Exception if a network cannot be built, PyTorch fails or the journal cannot be written
     */
    public List<Measurement> run(List<TorchThreads> torchThreads) throws Exception {
        Map<String, TrainStep> dl4j = new LinkedHashMap<>();
        for (String r : plan.regularizers()) {
            TrainStep step = new TrainStep();
            step.task = plan.task();
            step.regularizer = r;
            step.implementation = plan.implementation();
            step.setup();
            dl4j.put(r, step);
        }
        Map<TorchThreads, TorchBench> servers = new LinkedHashMap<>();
        try {
            for (TorchThreads t : torchThreads) {
                servers.put(t, TorchBench.serve(plan.python(), plan.home(), plan.task(), t));
            }
            List<Item> items = new ArrayList<>();
            for (String r : plan.regularizers()) {
                items.add(new Item(r, null));
                for (TorchThreads t : torchThreads) {
                    items.add(new Item(r, t));
                }
            }
            log.accept("  warm-up: " + WARM_UP_PASSES + " untimed passes over every subject");
            for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                for (Item item : items) {
                    block(item, dl4j, servers);
                }
            }
            List<Measurement> all = new ArrayList<>();
            for (int round = 1; round <= plan.rounds(); round++) {
                List<Item> order = new ArrayList<>(items);
                Collections.shuffle(order, new Random(plan.seed() * 1_000_003L + round));
                for (int i = 0; i < order.size(); i++) {
                    Item item = order.get(i);
                    double rate = block(item, dl4j, servers);
                    Measurement m = item.torch() == null
                            ? new Measurement(round, i + 1, "dl4j-" + plan.implementation(), item.regularizer(),
                                    "regbench defaults", rate)
                            : new Measurement(round, i + 1, "pytorch", item.regularizer(), item.torch().toString(), rate);
                    record(m);
                    all.add(m);
                    log.accept(String.format("  round %d/%d  %-13s %-11s %-20s %,10.0f ex/s", round, plan.rounds(),
                            m.framework(), m.regularizer(), item.torch() == null ? "" : m.threads(),
                            m.examplesPerSecond()));
                }
            }
            return all;
        } finally {
            for (TorchBench server : servers.values()) {
                server.close();
            }
        }
    }

    /** One subject of a round: DL4J ({@code torch} null) or PyTorch in a thread configuration, one regularizer. */
    private record Item(String regularizer, TorchThreads torch) {
    }

    /** @return examples/s of one timed block of {@code item}, after the pause */
    private double block(Item item, Map<String, TrainStep> dl4j, Map<TorchThreads, TorchBench> servers)
            throws IOException, InterruptedException {
        Thread.sleep(PAUSE_MS);
        if (item.torch() != null) {
            return servers.get(item.torch()).block(item.regularizer(), plan.seconds());
        }
        TrainStep step = dl4j.get(item.regularizer());
        ExampleCounter counter = new ExampleCounter();
        long start = System.nanoTime();
        long end = start + (long) (plan.seconds() * 1e9);
        long now;
        do {
            step.fit(counter);
            now = System.nanoTime();
        } while (now < end);
        return counter.examples / ((now - start) / 1e9);
    }

    /**
     * @return this machine's FP32 FMA peak, GFLOP/s: JMH {@link FmaPeak} with one thread per core, the best of 3
     *         iterations (a shared host only ever slows the loop down, so the best is the closest to the
     *         hardware's figure)
     * @throws RunnerException if JMH fails
     */
    public double fmaPeak() throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().include(FmaPeak.class.getName() + "\\.")
                .threads(Runtime.getRuntime().availableProcessors()).forks(1).warmupIterations(2)
                .warmupTime(TimeValue.seconds(1)).measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT).shouldFailOnError(true);
        Collection<RunResult> results = quietRunner(options).run();
        return results.iterator().next().getSecondaryResults().get("gflop").getStatistics().getMax();
    }

    /**
     * @return the parameter count of the task's network
     * @throws dev.regbench.suites.suite.SuiteException if the suite file is bad
     */
    public long parameters() throws dev.regbench.suites.suite.SuiteException {
        return BenchNetworks.create(plan.task(), "none", 1).net().numParams();
    }

    /**
     * @return a JMH runner that prints nothing (not even the forks' stderr, where Java 17 announces the Vector
     *         API module); failures still surface as exceptions
     */
    private static Runner quietRunner(ChainedOptionsBuilder options) {
        return new Runner(options.build(), OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT));
    }

    private void record(Measurement m) {
        try {
            Files.writeString(journal, JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + journal + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prints the rounds' summary as Markdown tables.
     *
     * @param all        the rounds' measurements
     * @param regs       the regularizers, in the order to print (none first)
     * @param parameters the network's parameter count (useful FLOP per example = 6 × parameters)
     * @param fmaPeak    the machine's measured FP32 FMA peak, GFLOP/s, or NaN
     * @param cpu        the CPU's label
     * @param out        where to print
     */
    public static void summarize(List<Measurement> all, List<String> regs, long parameters, double fmaPeak, String cpu,
                                 PrintWriter out) {
        String dl4jName = all.stream().map(Measurement::framework).filter(f -> f.startsWith("dl4j")).findFirst().orElse("dl4j");
        out.printf("CPU: %s; %d rounds; medians over rounds; ratios are geometric means of per-round ratios with 95 %% t intervals%n%n",
                cpu, all.stream().mapToInt(Measurement::round).max().orElse(0));
        out.println("| regularizer | " + dl4jName + " ex/s | PyTorch ex/s (threads) | " + dl4jName + " / PyTorch | "
                + dl4jName + " vs its none | PyTorch vs its none | useful GFLOP/s | of FMA peak |");
        out.println("|---|---|---|---|---|---|---|---|");
        String torchNone = bestTorchThreads(all, "none");
        for (String r : regs) {
            double[] d = values(all, dl4jName, r, null);
            String torchThreads = bestTorchThreads(all, r);
            double[] t = values(all, "pytorch", r, torchThreads);
            double med = median(d);
            double gflops = 6.0 * parameters * med / 1e9;
            out.printf("| %s | %,.0f | %s | %s | %s | %s | %s | %s |%n", r, med,
                    t.length == 0 ? "—" : String.format("%,.0f (%s)", median(t), torchThreads),
                    t.length == d.length && t.length > 0 ? RatioEstimate.of(d, t).describe() : "—",
                    r.equals("none") ? "—" : RatioEstimate.of(d, values(all, dl4jName, "none", null)).describeChange(),
                    r.equals("none") || t.length == 0 ? "—"
                            : RatioEstimate.of(t, values(all, "pytorch", "none", torchNone)).describeChange(),
                    String.format(gflops < 10 ? "%.2f" : "%.0f", gflops),
                    Double.isNaN(fmaPeak) ? "—" : String.format(gflops / fmaPeak < 0.01 ? "%.2f %%" : "%.0f %%", 100 * gflops / fmaPeak));
        }
        out.flush();
    }

    /**
     * @return the per-round values (rounds ≥ 1) of one framework and regularizer, in round order; of one thread
     *         configuration if {@code threads} is not null
     */
    static double[] values(List<Measurement> all, String framework, String regularizer, String threads) {
        return all.stream().filter(m -> m.round() > 0 && m.framework().equals(framework)
                        && m.regularizer().equals(regularizer) && (threads == null || m.threads().equals(threads)))
                .sorted(java.util.Comparator.comparingInt(Measurement::round))
                .mapToDouble(Measurement::examplesPerSecond).toArray();
    }

    /** @return PyTorch's thread configuration with the highest median over the rounds for {@code regularizer}, or null */
    static String bestTorchThreads(List<Measurement> all, String regularizer) {
        return all.stream().filter(m -> m.round() > 0 && m.framework().equals("pytorch")
                        && m.regularizer().equals(regularizer)).map(Measurement::threads).distinct()
                .max(java.util.Comparator.comparingDouble(t -> median(values(all, "pytorch", regularizer, t))))
                .orElse(null);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
