package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the IDX reader (jqwik): every input — a valid small image or label file with random edits, raw or
 * gzipped, or a header with random magic, counts and sizes — is either read with exactly the examples its header
 * declares or refused with a one-line {@link DataFileException}; never another exception, never a hang, never a
 * silently short dataset. Random seeds on every run (jqwik prints a failing one); {@value #TRIES} tries
 * per property.
 */
class IdxFuzzTest {
    /** Tries per property (README records the total). */
    static final int TRIES = 2500;
    private static Path dir;

    @BeforeContainer
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("idx-fuzz");
    }

    private static byte[] validImages() {
        ByteBuffer b = ByteBuffer.allocate(16 + 3 * 4 * 5);
        b.putInt(IdxKind.IMAGES.magic()).putInt(3).putInt(4).putInt(5);
        for (int i = 0; i < 60; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    private static byte[] validLabels() {
        ByteBuffer b = ByteBuffer.allocate(8 + 6);
        b.putInt(IdxKind.LABELS.magic()).putInt(6);
        b.put(new byte[] {0, 1, 2, 9, 4, 5});
        return b.array();
    }

    private static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(raw);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readOrRefuseCleanly(byte[] content, boolean images) throws Exception {
        Path file = dir.resolve(images ? "fuzz-images" : "fuzz-labels");
        Files.write(file, content);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                if (images) {
                    IdxImages read = Idx.readImages(file);
                    assertEquals((long) read.count() * read.rows() * read.cols(), read.pixels().length,
                            "exactly the pixels the header declares");
                } else {
                    IdxLabels read = Idx.readLabels(file);
                    assertTrue(read.count() >= 0);
                    for (int i = 0; i < read.count(); i++) {
                        read.label(i); // every declared label is there
                    }
                }
            } catch (DataFileException e) {
                assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().lines().count() == 1, e.getMessage());
            }
        });
    }

    @Property(tries = TRIES)
    void mutatedFiles(@ForAll("mutations") Object[] input) throws Exception {
        readOrRefuseCleanly((byte[]) input[0], (Boolean) input[1]);
    }

    @Property(tries = TRIES)
    void randomHeaders(@ForAll("headers") Object[] input) throws Exception {
        readOrRefuseCleanly((byte[]) input[0], (Boolean) input[1]);
    }

    @Provide
    Arbitrary<Object[]> mutations() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 255))
                .as((kind, at, value) -> new int[] {kind, at, value});
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), edit.list().ofMaxSize(6),
                Arbitraries.of(true, false)).as((images, gzipped, edits, editAfterGzip) -> {
                    byte[] raw = images ? validImages() : validLabels();
                    byte[] content = gzipped && !editAfterGzip ? gzip(edit(raw, edits)) : edit(gzipped ? gzip(raw) : raw,
                            edits);
                    return new Object[] {content, images};
                });
    }

    private static byte[] edit(byte[] original, List<int[]> edits) {
        byte[] b = original.clone();
        for (int[] e : edits) {
            if (b.length == 0) {
                break;
            }
            int at = e[1] % b.length;
            switch (e[0]) {
                case 0 -> b[at] = (byte) e[2];
                case 1 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) e[2];
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                case 2 -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter;
                }
                default -> b = java.util.Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    @Provide
    Arbitrary<Object[]> headers() {
        Arbitrary<Integer> interesting = Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(0, 1, -1, 3, 4, 5, 28,
                60_000, Integer.MAX_VALUE, Integer.MIN_VALUE, IdxKind.IMAGES.magic(), IdxKind.LABELS.magic()));
        return Combinators.combine(Arbitraries.of(true, false), interesting.list().ofSize(4),
                Arbitraries.integers().between(0, 200), Arbitraries.of(true, false)).as((images, fields, payload, gz) -> {
                    ByteBuffer b = ByteBuffer.allocate(16 + payload);
                    for (int f : fields) {
                        b.putInt(f);
                    }
                    byte[] raw = b.array();
                    return new Object[] {gz ? gzip(raw) : raw, images};
                });
    }
}
