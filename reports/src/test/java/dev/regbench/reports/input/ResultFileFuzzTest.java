package dev.regbench.reports.input;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.regbench.reports.stats.ReportBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing what {@code regbench report} reads from other people (jqwik): a real run file of the two-stage
 * fixture, mutated ({@link JsonMutations}) — byte by byte, or one JSON value replaced by a hostile one (NaN,
 * 1e400, negative sizes, huge strings, LaTeX and control characters, wrong types, deep nesting). Loading it and building the whole report model
 * either works (the file is used or listed as skipped) or is refused with an {@link InputException};
 * never another exception, never a hang. Seeds are random on every run (jqwik prints a failing one; put it in
 * {@code @Property(seed = …)} to replay it).
 */
class ResultFileFuzzTest {
    private static final int TRIES = 500;
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/two-stage").toAbsolutePath();
    private static Path dir;
    private static List<Path> files;

    @BeforeContainer
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("result-fuzz");
        try (Stream<Path> all = Files.walk(FIXTURE)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                Path copy = dir.resolve(FIXTURE.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        }
        try (Stream<Path> runs = Files.walk(dir.resolve("runs"))) {
            files = runs.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @AfterContainer
    static void tearDown() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Loads a directory holding the mutated run file alone and builds the whole report model from it (one file, so
     * each try takes milliseconds: hundreds of tries per CI run).
     */
    private static void loadAndModel(int fileIndex, byte[] mutated) throws Exception {
        Path target = files.get(fileIndex % files.size());
        Path alone = Files.createTempDirectory(dir, "try");
        Files.write(alone.resolve(target.getFileName()), mutated);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    ReportBuilder.build(ResultLoader.load(List.of(alone), List.of()), "2026-01-01T00:00:00Z");
                } catch (InputException refused) {
                    // a clean refusal: one message naming the input
                }
            }, () -> "mutation of " + dir.relativize(target));
        } finally {
            Files.delete(alone.resolve(target.getFileName()));
            Files.delete(alone);
        }
    }

    @Property(tries = TRIES)
    void aRunFileMutatedByteByByteIsUsedSkippedOrRefused(
            @ForAll(supplier = JsonMutations.ByteMutations.class) JsonMutations.Mutation m) throws Exception {
        loadAndModel(m.file(), m.apply(Files.readAllBytes(files.get(m.file() % files.size()))));
    }

    @Property(tries = TRIES)
    void aRunFileWithOneHostileValueIsUsedSkippedOrRefused(@ForAll("fileIndex") int file,
            @ForAll(supplier = JsonMutations.ValueIndex.class) int value,
            @ForAll(supplier = JsonMutations.Hostile.class) String replacement) throws Exception {
        String json = Files.readString(files.get(file % files.size()), StandardCharsets.UTF_8);
        loadAndModel(file, JsonMutations.replaceValue(json, value, replacement).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Integer> fileIndex() {
        return Arbitraries.integers().between(0, 1000);
    }
}
