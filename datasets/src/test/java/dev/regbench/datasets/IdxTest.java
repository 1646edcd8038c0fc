package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    @Test
    void imagesRoundTripRawAndGzip() throws Exception {
        byte[] raw = IdxFixtures.images(3, 4, 5, 7);
        for (Path file : new Path[] {IdxFixtures.write(dir.resolve("img"), raw),
                IdxFixtures.write(dir.resolve("img.gz"), IdxFixtures.gzip(raw))}) {
            IdxImages images = Idx.readImages(file);
            assertEquals(3, images.count());
            assertEquals(4, images.rows());
            assertEquals(5, images.cols());
            assertArrayEquals(Arrays.copyOfRange(raw, 16, raw.length), images.pixels());
            assertEquals(file, images.source());
        }
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws Exception {
        byte[] raw = IdxFixtures.labels(1, 2, 3);
        Path file = IdxFixtures.write(dir.resolve("labels-without-gz-suffix"), IdxFixtures.gzip(raw));
        assertEquals(3, Idx.readLabels(file).count());
    }

    @Test
    void labelsRoundTripAsUnsignedBytes() throws Exception {
        Path file = IdxFixtures.write(dir.resolve("lab"), IdxFixtures.labels(0, 9, 200, 255));
        IdxLabels labels = Idx.readLabels(file);
        assertEquals(4, labels.count());
        assertEquals(9, labels.label(1));
        assertEquals(255, labels.label(3));
    }

    @Test
    void truncatedImageFileNamesFileAndSizes() {
        byte[] raw = IdxFixtures.images(10, 28, 28, 0);
        Path file = IdxFixtures.write(dir.resolve("short"), Arrays.copyOf(raw, raw.length - 100));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("10 images of 28x28"), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void fileShorterThanHeader() {
        Path file = IdxFixtures.write(dir.resolve("tiny"), new byte[] {0, 0, 8, 1, 0, 0});
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readLabels(file));
        assertTrue(e.getMessage().contains("shorter than the 8-byte IDX labels header"), e.getMessage());
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] raw = IdxFixtures.labels(1, 2, 3);
        Path file = IdxFixtures.write(dir.resolve("long"), Arrays.copyOf(raw, raw.length + 5));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readLabels(file));
        assertTrue(e.getMessage().contains("5 unexpected trailing bytes"), e.getMessage());
    }

    @Test
    void wrongMagicSaysWhatItIs() {
        Path file = IdxFixtures.write(dir.resolve("swapped"), IdxFixtures.labels(1, 2));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().contains("wrong magic number 2049, expected 2051"), e.getMessage());
        assertTrue(e.getMessage().contains("swapped"), e.getMessage());

        byte[] junk = ByteBuffer.allocate(16).putInt(0x12345678).array();
        Path other = IdxFixtures.write(dir.resolve("junk"), junk);
        DataFileException e2 = assertThrows(DataFileException.class, () -> Idx.readImages(other));
        assertTrue(e2.getMessage().contains("not an IDX images file"), e2.getMessage());
    }

    @Test
    void truncatedGzipIsRefused() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(50, 28, 28, 1));
        Path file = IdxFixtures.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().contains("truncated gzip stream"), e.getMessage());
    }

    @Test
    void corruptGzipIsRefused() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(50, 28, 28, 1));
        for (int i = 20; i < 60; i++) {
            gz[i] ^= 0x5A;
        }
        Path file = IdxFixtures.write(dir.resolve("bad.gz"), gz);
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    }

    @Test
    void missingFileIsAOneLineError() {
        Path file = dir.resolve("nope");
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(file));
        assertEquals(file + ": file not found", e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        IdxImages images = Idx.readImages(IdxFixtures.write(dir.resolve("i"), IdxFixtures.images(3, 2, 2, 0)));
        IdxLabels labels = Idx.readLabels(IdxFixtures.write(dir.resolve("l"), IdxFixtures.labels(1, 2)));
        DataFileException e = assertThrows(DataFileException.class,
                () -> ClassificationSet.fromIdx(images, labels, 10));
        assertTrue(e.getMessage().contains("2 labels for the 3 images in " + images.source()), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRefused() throws Exception {
        IdxImages images = Idx.readImages(IdxFixtures.write(dir.resolve("i"), IdxFixtures.images(2, 2, 2, 0)));
        IdxLabels labels = Idx.readLabels(IdxFixtures.write(dir.resolve("l"), IdxFixtures.labels(1, 12)));
        DataFileException e = assertThrows(DataFileException.class,
                () -> ClassificationSet.fromIdx(images, labels, 10));
        assertTrue(e.getMessage().contains("label 12 at index 1 is outside 0..9"), e.getMessage());
    }

    @Test
    void pixelsAreScaledToUnitInterval() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16 + 4).putInt(2051).putInt(1).putInt(2).putInt(2);
        b.put((byte) 0).put((byte) 255).put((byte) 128).put((byte) 51);
        IdxImages images = Idx.readImages(IdxFixtures.write(dir.resolve("px"), b.array()));
        IdxLabels labels = Idx.readLabels(IdxFixtures.write(dir.resolve("lb"), IdxFixtures.labels(3)));
        ClassificationSet set = ClassificationSet.fromIdx(images, labels, 10);
        assertArrayEquals(new float[] {0f, 1f, 128f / 255f, 0.2f}, set.features().toFloatVector(), 1e-7f);
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, set.toExamples().targets().toFloatVector());
    }

    @Test
    void aGzipBombIsRefusedNotDecompressedIntoMemory(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bomb = dir.resolve("bomb.gz");
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i <= Idx.MAX_BYTES >> 20; i++) {
                z.write(zeros);
            }
        }
        DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
                () -> Idx.readContent(bomb));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("decompresses to more than 256 MB"),
                e.getMessage());
    }
}
