package dev.regbench.reports.input;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.regbench.reports.stats.ReportBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing what {@code regbench report} reads from other people (jqwik): a real run file of the two-stage
 * fixture, mutated — byte by byte, or one JSON value replaced by a hostile one (NaN, 1e400, negative
 * sizes, huge strings, LaTeX and control characters, wrong types). Loading it and building the whole report model
 * either works (the file is used or listed as skipped) or is refused with an {@link InputException};
 * never another exception, never a hang. Seeds are random on every run (jqwik prints a failing one; put it in
 * {@code @Property(seed = …)} to replay it).
 */
class ResultFileFuzzTest {
    private static final int TRIES = 500;
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/two-stage").toAbsolutePath();
    private static final Pattern VALUE = Pattern.compile("(:\\s*)(-?\\d[\\d.eE+-]*|\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null)");
    private static final List<String> HOSTILE = List.of("NaN", "\"NaN\"", "1e400", "-1e400", "-1", "0", "-0", "1e-320",
            "9223372036854775808", "\"\"", "null", "[]", "{}", "[1, 2]", "true", "\"\\u0000\"", "\"\\\\begin{x}^~_&%$#\"",
            "\"" + "x".repeat(20_000) + "\"", "\"a\\nb\"", "-2147483649", "0.5", "\"tune\"", "\"eval\"", "\"diverged\"");
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
    void aRunFileMutatedByteByByteIsUsedSkippedOrRefused(@ForAll("byteMutations") Mutation m) throws Exception {
        loadAndModel(m.file(), m.apply(Files.readAllBytes(files.get(m.file() % files.size()))));
    }

    @Property(tries = TRIES)
    void aRunFileWithOneHostileValueIsUsedSkippedOrRefused(@ForAll("fileIndex") int file,
                                                          @ForAll("valueIndex") int value,
                                                          @ForAll("hostile") String replacement) throws Exception {
        String json = Files.readString(files.get(file % files.size()), StandardCharsets.UTF_8);
        Matcher m = VALUE.matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        int[] span = spans.get(value % spans.size());
        String mutated = json.substring(0, span[0]) + replacement + json.substring(span[1]);
        loadAndModel(file, mutated.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Integer> fileIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<Integer> valueIndex() {
        return Arbitraries.integers().between(0, 100_000);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.of(HOSTILE);
    }

    /**
     * One byte-level change of a file.
     *
     * @param file     which run file (modulo their number)
     * @param kind     0 flip a byte, 1 delete a range, 2 insert bytes, 3 duplicate a range, 4 truncate
     * @param position where (modulo the length)
     * @param length   how many bytes
     * @param bytes    bytes to insert
     */
    record Mutation(int file, int kind, int position, int length, byte[] bytes) {
        byte[] apply(byte[] in) {
            int at = in.length == 0 ? 0 : position % in.length;
            int n = Math.min(length, in.length - at);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            switch (kind) {
                case 0 -> {
                    byte[] copy = in.clone();
                    copy[at] ^= (byte) (1 + (length & 0x7f));
                    return copy;
                }
                case 1 -> {
                    out.write(in, 0, at);
                    out.write(in, at + n, in.length - at - n);
                }
                case 2 -> {
                    out.write(in, 0, at);
                    out.writeBytes(bytes);
                    out.write(in, at, in.length - at);
                }
                case 3 -> {
                    out.write(in, 0, at + n);
                    out.write(in, at, in.length - at);
                }
                default -> out.write(in, 0, at);
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "Mutation[file " + file + ", kind " + kind + ", at " + position + ", length " + length + ", "
                    + bytes.length + " bytes]";
        }
    }

    @Provide
    Arbitrary<Mutation> byteMutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(1, 64),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(16)).as(Mutation::new);
    }
}
