package dev.regbench.reports.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * Structured mutations of real JSON files for the fuzz tests of what regbench reads from other people: byte-level
 * changes, and one JSON value replaced by a hostile one.
 */
final class JsonMutations {
    private static final Pattern VALUE = Pattern.compile("(:\\s*)(-?\\d[\\d.eE+-]*|\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null)");
    /** Wrong types, out-of-range and non-finite numbers, huge and hostile strings, deep nesting. */
    private static final List<String> HOSTILE = List.of("NaN", "\"NaN\"", "1e400", "-1e400", "-1", "0", "-0", "1e-320",
            "9223372036854775808", "\"\"", "null", "[]", "{}", "[1, 2]", "true", "\"\\u0000\"", "\"\\\\begin{x}^~_&%$#\"",
            "\"" + "x".repeat(20_000) + "\"", "\"a\\nb\"", "-2147483649", "0.5", "\"tune\"", "\"eval\"", "\"diverged\"",
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), "1" + "0".repeat(400),
            "{\"score\": \"x\"}", "[{}]");

    private JsonMutations() {
    }

    /** {@code @ForAll(supplier = Hostile.class)}: one of the hostile JSON values. */
    static final class Hostile implements ArbitrarySupplier<String> {
        @Override
        public Arbitrary<String> get() {
            return Arbitraries.of(HOSTILE);
        }
    }

    /** {@code @ForAll(supplier = ValueIndex.class)}: which scalar value of a document to replace. */
    static final class ValueIndex implements ArbitrarySupplier<Integer> {
        @Override
        public Arbitrary<Integer> get() {
            return Arbitraries.integers().between(0, 100_000);
        }
    }

    /**
     * @param json        a JSON document
     * @param value       which of its scalar values (modulo their number)
     * @param replacement the JSON text put in its place
     * @return the mutated document
     */
    static String replaceValue(String json, int value, String replacement) {
        Matcher m = VALUE.matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        int[] span = spans.get(value % spans.size());
        return json.substring(0, span[0]) + replacement + json.substring(span[1]);
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

    /** {@code @ForAll(supplier = ByteMutations.class)}: byte-level mutations of any of 1,000 files (modulo their number). */
    static final class ByteMutations implements ArbitrarySupplier<Mutation> {
        @Override
        public Arbitrary<Mutation> get() {
            return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 4),
                    Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(1, 64),
                    Arbitraries.bytes().array(byte[].class).ofMaxSize(16)).as(Mutation::new);
        }
    }
}
