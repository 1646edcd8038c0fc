package dev.regbench.datasets;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed, and validates their headers against their
 * length. A short, long, wrong-magic or corrupt file fails with a {@link DataFileException} naming it;
 * nothing here ever returns a silently short dataset.
 */
public final class Idx {
    private static final int GZIP_MAGIC = 0x1f8b;

    private Idx() {
    }

    /**
     * Reads a whole file, decompressing it if it starts with the gzip magic (whatever its name).
     *
     * @param file a raw or gzipped file
     * @return the uncompressed bytes
     * @throws DataFileException if the file is missing, unreadable or a corrupt/truncated gzip stream
     */
    public static byte[] readContent(Path file) throws DataFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "file not found");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF)) == GZIP_MAGIC) {
            return gunzip(file, bytes);
        }
        return bytes;
    }

    /** The largest uncompressed file accepted (the MNIST training images are 47 MB): guards against gzip bombs. */
    public static final int MAX_BYTES = 256 << 20;

    private static byte[] gunzip(Path file, byte[] compressed) throws DataFileException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 1 << 16)) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new DataFileException(file, "decompresses to more than " + (MAX_BYTES >> 20) + " MB, larger "
                        + "than any IDX file of these datasets; delete it and re-fetch");
            }
            return content;
        } catch (DataFileException e) {
            throw e;
        } catch (EOFException e) {
            throw new DataFileException(file, "truncated gzip stream (the download was cut short)");
        } catch (ZipException e) {
            throw new DataFileException(file, "corrupt gzip stream (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(file, "cannot be decompressed (" + e + ")");
        }
    }

    /** Reads and validates an image file. @see #parseImages(Path, byte[]) */
    public static IdxImages readImages(Path file) throws DataFileException {
        return parseImages(file, readContent(file));
    }

    /** Reads and validates a label file. @see #parseLabels(Path, byte[]) */
    public static IdxLabels readLabels(Path file) throws DataFileException {
        return parseLabels(file, readContent(file));
    }

    /**
     * Validates the header of uncompressed image-file content against its length.
     *
     * @param source  the file the content came from (for messages)
     * @param content uncompressed bytes; kept, not copied
     * @return the images
     * @throws DataFileException on wrong magic, a non-positive dimension, or a length that disagrees with
     *                           the header
     */
    public static IdxImages parseImages(Path source, byte[] content) throws DataFileException {
        ByteBuffer header = header(source, content, IdxKind.IMAGES);
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int cols = header.getInt(12);
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new DataFileException(source, String.format(Locale.ROOT,
                    "invalid IDX image header (count %d, rows %d, cols %d)", count, rows, cols));
        }
        long payload;
        try {
            payload = Math.multiplyExact(Math.multiplyExact((long) count, rows), cols);
        } catch (ArithmeticException e) {
            payload = Long.MAX_VALUE; // larger than any file: reported as truncated below
        }
        checkLength(source, content, IdxKind.IMAGES, payload,
                String.format(Locale.ROOT, "%d images of %dx%d", count, rows, cols));
        byte[] pixels = content.length == IdxKind.IMAGES.headerBytes() ? new byte[0]
                : java.util.Arrays.copyOfRange(content, IdxKind.IMAGES.headerBytes(), content.length);
        return new IdxImages(source, count, rows, cols, pixels);
    }

    /**
     * Validates the header of uncompressed label-file content against its length.
     *
     * @param source  the file the content came from (for messages)
     * @param content uncompressed bytes
     * @return the labels
     * @throws DataFileException on wrong magic or a length that disagrees with the header
     */
    public static IdxLabels parseLabels(Path source, byte[] content) throws DataFileException {
        ByteBuffer header = header(source, content, IdxKind.LABELS);
        int count = header.getInt(4);
        if (count < 0) {
            throw new DataFileException(source, "invalid IDX label header (count " + count + ")");
        }
        checkLength(source, content, IdxKind.LABELS, count, count + " labels");
        return new IdxLabels(source,
                java.util.Arrays.copyOfRange(content, IdxKind.LABELS.headerBytes(), content.length));
    }

    private static ByteBuffer header(Path source, byte[] content, IdxKind kind) throws DataFileException {
        if (content.length >= 4) { // the magic first: a wrong file type is the more useful message
            int magic = ByteBuffer.wrap(content, 0, 4).getInt(); // big-endian by default
            if (magic != kind.magic()) {
                String hint = magic == IdxKind.IMAGES.magic() || magic == IdxKind.LABELS.magic()
                        ? " (this is an IDX " + (magic == IdxKind.IMAGES.magic() ? "image" : "label")
                        + " file: images and labels swapped?)"
                        : " (not an IDX " + kind.name().toLowerCase(Locale.ROOT) + " file)";
                throw new DataFileException(source, String.format(Locale.ROOT,
                        "wrong magic number %d, expected %d%s", magic, kind.magic(), hint));
            }
        }
        if (content.length < kind.headerBytes()) {
            throw new DataFileException(source, String.format(Locale.ROOT,
                    "truncated: %d bytes, shorter than the %d-byte IDX %s header",
                    content.length, kind.headerBytes(), kind.name().toLowerCase(Locale.ROOT)));
        }
        return ByteBuffer.wrap(content, 0, kind.headerBytes());
    }

    private static void checkLength(Path source, byte[] content, IdxKind kind, long payload, String what)
            throws DataFileException {
        long expected = payload > Long.MAX_VALUE - kind.headerBytes() ? Long.MAX_VALUE : kind.headerBytes() + payload;
        if (content.length < expected) {
            throw new DataFileException(source, String.format(Locale.ROOT,
                    "truncated: header declares %s (%d bytes) but the file has %d bytes",
                    what, expected, content.length));
        }
        if (content.length > expected) {
            throw new DataFileException(source, String.format(Locale.ROOT,
                    "%d unexpected trailing bytes after the %s the header declares",
                    content.length - expected, what));
        }
    }
}
