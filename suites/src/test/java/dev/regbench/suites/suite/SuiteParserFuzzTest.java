package dev.regbench.suites.suite;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Fuzzing the suite parser (jqwik): every input — a shipped suite file mutated byte by byte, or a YAML document
 * generated from the suite grammar with wrong, extreme and missing values — either parses or is refused with a
 * {@link SuiteException} whose every line names the file; never another exception, never a hang. Seeds are random on
 * every run, so each CI run tries new inputs (jqwik prints a failing seed; {@code @Property(seed = …)} replays it);
 * {@value #TRIES} tries per property.
 */
class SuiteParserFuzzTest {
    /** Tries per property (README records the total). */
    static final int TRIES = 2500;
    private static final Path ROOT = Path.of(System.getProperty("regbench.home", "..")).toAbsolutePath().normalize();
    private static Path dir;
    private static List<byte[]> shipped;

    @BeforeContainer
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("suite-fuzz");
        shipped = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("suites"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                shipped.add(Files.readAllBytes(f));
            }
        }
    }

    @AfterContainer
    static void tearDown() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void parseOrRefuseCleanly(byte[] content) throws Exception {
        Path file = dir.resolve("fuzz.yaml");
        Files.write(file, content);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                SuiteParser.parse(file);
            } catch (SuiteException e) {
                assertTrue(!e.lines().isEmpty(), "a refusal says why");
                for (String line : e.lines()) {
                    assertTrue(line.startsWith(file + ": ") && line.lines().count() == 1, "one line naming the file: " + line);
                }
            }
        });
    }

    @Property(tries = TRIES)
    void mutatedShippedSuites(@ForAll("mutations") byte[] content) throws Exception {
        parseOrRefuseCleanly(content);
    }

    @Property(tries = TRIES)
    void generatedSuites(@ForAll("documents") String yaml) throws Exception {
        parseOrRefuseCleanly(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, Math.max(0, shipped.size() - 1));
        Arbitrary<List<int[]>> edits = Arbitraries.integers().between(0, 1 << 20)
                .flatMap(position -> Arbitraries.integers().between(0, 3)
                        .flatMap(kind -> Arbitraries.integers().between(0, 255)
                                .map(value -> new int[] {kind, position, value})))
                .list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(which, edits).as((i, list) -> mutate(shipped.get(i), list));
    }

    /** Applies edits: 0 flip a byte, 1 insert a byte, 2 delete a byte, 3 truncate. */
    private static byte[] mutate(byte[] original, List<int[]> edits) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : original) {
            bytes.add(b);
        }
        for (int[] e : edits) {
            if (bytes.isEmpty()) {
                break;
            }
            int at = e[1] % bytes.size();
            switch (e[0]) {
                case 0 -> bytes.set(at, (byte) e[2]);
                case 1 -> bytes.add(at, (byte) e[2]);
                case 2 -> bytes.remove(at);
                default -> bytes.subList(at, bytes.size()).clear();
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("0", "-1", "1e-400", "1e400", ".nan", ".inf", "-.inf", "1.0e-4", "65536", "2147483648",
                        "100001", "0.5", "1"));
        Arbitrary<String> scalar = Arbitraries.oneOf(number, Arbitraries.of("true", "null", "~", "\"\"", "none", "l1",
                "l2", "dropout-l2", "mnist", "polynomial", "fashion-mnist", "adam", "sgd", "nesterov", "relu", "tanh",
                "per-seed", "fixed", "best", "final", "patience", "validation-error", "\"a\\nb\""),
                Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
        Arbitrary<String> list = scalar.list().ofMaxSize(5).map(l -> "[" + String.join(", ", l) + "]");
        Arbitrary<String> range = Combinators.combine(Arbitraries.of("logspace", "linspace", "points", "from"), number,
                number, number).as((k, a, b, n) -> "{" + k + ": [" + a + ", " + b + "], points: " + n + "}");
        Arbitrary<String> value = Arbitraries.oneOf(scalar, list, range);
        Arbitrary<String> regularizer = Combinators.combine(Arbitraries.of("none", "l1", "l2", "dropout-l2", "l3"),
                Arbitraries.of("lambda", "inputRetain", "hiddenRetain", "maxNorm").list().ofMaxSize(3), value.list()
                        .ofSize(3)).as((kind, keys, values) -> {
                            StringBuilder b = new StringBuilder("  - {name: r" + Math.abs(kind.hashCode() % 7) + ", kind: "
                                    + kind);
                            for (int i = 0; i < keys.size(); i++) {
                                b.append(", ").append(keys.get(i)).append(": ").append(values.get(i));
                            }
                            return b.append("}\n").toString();
                        });
        List<String> keys = List.of("name", "dataset", "trainSize", "validationSize", "dataDraw", "dataSeed", "epochs",
                "evaluateEvery", "batchSize", "seeds", "tuneSeeds", "evalSeeds", "exploratory", "penalizeBiases",
                "description", "unknownKey");
        Arbitrary<String> topLevel = Combinators.combine(Arbitraries.of(keys), value).as((k, v) -> k + ": " + v + "\n");
        Arbitrary<String> fixed = Arbitraries.of(
                "network: {hidden: [8], activation: relu}\n", "network: {hidden: []}\n", "network: 7\n",
                "optimizer: {type: adam, learningRate: 0.01}\n", "optimizer: {type: sgd, learningRate: 0.1, momentum: 0.9}\n",
                "polynomial: {degree: 3, noiseStdDev: 0.1}\n", "polynomial: {coefficients: [], noiseStdDev: -1}\n",
                "selection: {metric: validation-error, epoch: patience, patience: 0}\n", "selection: {epoch: best}\n",
                "regularizers: []\n", "");
        return Combinators.combine(topLevel.list().ofMaxSize(10), fixed.list().ofMaxSize(4), regularizer.list().ofMaxSize(4))
                .as((top, rest, regs) -> String.join("", top) + String.join("", rest)
                        + (regs.isEmpty() ? "" : "regularizers:\n" + String.join("", regs)));
    }
}
