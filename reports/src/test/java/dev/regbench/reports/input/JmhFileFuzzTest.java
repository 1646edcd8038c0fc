package dev.regbench.reports.input;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.regbench.reports.plot.ThroughputBars;
import dev.regbench.reports.render.JsonSummary;
import dev.regbench.reports.render.ReportTables;
import dev.regbench.reports.stats.ReportBuilder;
import dev.regbench.reports.stats.ReportModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the JMH result reader ({@code regbench report --jmh}; people send these files too): a real
 * {@code jmh.json} of the benchmark (one entry per benchmark, {@code fixtures/jmh.json}), mutated byte by byte or
 * with one value replaced by a hostile one ({@link JsonMutations}), read beside one real run file, built into the
 * report model and rendered into everything the throughput results reach (the table, the JSON summary, and the
 * bar chart for every set of measurements not drawn before). Each try either works or lists the file as a problem; never another exception, never a hang. Random
 * seeds on every run (jqwik prints a failing one).
 */
class JmhFileFuzzTest {
    private static final int TRIES = 200;
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/jmh.json").toAbsolutePath();
    private static final Path RUN = Path.of("src/test/resources/fixtures/exploratory/runs/none-seed1.json")
            .toAbsolutePath();
    private static Path dir;
    private static final java.util.Set<List<ThroughputMeasurement>> drawn =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeContainer
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("jmh-fuzz");
        Files.createDirectories(dir.resolve("results/runs"));
        Files.copy(RUN, dir.resolve("results/runs").resolve(RUN.getFileName()));
    }

    @AfterContainer
    static void tearDown() throws Exception {
        try (var all = Files.walk(dir)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void readModelAndRender(byte[] mutated) throws Exception {
        Path jmh = Files.write(Files.createTempFile(dir, "jmh", ".json"), mutated);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                ReportModel model = ReportBuilder.build(ResultLoader.load(List.of(dir.resolve("results")),
                        List.of(jmh)), "2026-01-01T00:00:00Z");
                ReportTables.throughput(model.throughput());
                JsonSummary.render(model);
                // The chart (0.1 s to draw) only for measurements it has not drawn yet: the same ones draw the same.
                if (drawn.add(model.throughput())) {
                    ThroughputBars.draw(model.throughput(), "throughput");
                }
            });
        } finally {
            Files.delete(jmh);
        }
    }

    @Property(tries = TRIES)
    void aJmhFileMutatedByteByByteIsUsedOrListedAsAProblem(
            @ForAll(supplier = JsonMutations.ByteMutations.class) JsonMutations.Mutation m) throws Exception {
        readModelAndRender(m.apply(Files.readAllBytes(FIXTURE)));
    }

    @Property(tries = TRIES)
    void aJmhFileWithOneHostileValueIsUsedOrListedAsAProblem(
            @ForAll(supplier = JsonMutations.ValueIndex.class) int value,
            @ForAll(supplier = JsonMutations.Hostile.class) String replacement) throws Exception {
        String json = Files.readString(FIXTURE, StandardCharsets.UTF_8);
        readModelAndRender(JsonMutations.replaceValue(json, value, replacement).getBytes(StandardCharsets.UTF_8));
    }
}
