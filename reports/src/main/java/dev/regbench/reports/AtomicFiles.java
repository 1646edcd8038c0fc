package dev.regbench.reports;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see either the old content or the complete new content, never a partial
 * file: a temporary file in the same directory, flushed to disk, then renamed over the target.
 */
public final class AtomicFiles {
    /** Temporary files carry this infix; leftovers of a killed process can be recognized and removed. */
    public static final String TEMP_INFIX = ".partial-";

    private AtomicFiles() {
    }

    /**
     * @param target  the file to (re)place; its directory is created if needed
     * @param content the complete new content
     * @throws IOException if the directory or file cannot be written
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + TEMP_INFIX + ProcessHandle.current().pid());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
