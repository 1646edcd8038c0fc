package dev.regbench.suites.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on a local output directory: the operating system's lock on a file in it, taken without
 * waiting. Atomic (two processes, or two threads of one JVM, can never both hold it), and dropped by the
 * operating system when its process dies, so a killed process never blocks the next one. The file stays; while
 * held it says who holds it, for the message of whoever is refused.
 */
public final class DirectoryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param file   the lock file (created if absent; its directory must exist)
     * @param holder who takes it (written into the file), or {@code null} to leave the file's content alone
     * @return the held lock, or empty if another process or another holder in this JVM has it
     * @throws IOException if the file cannot be created, opened or written
     */
    public static Optional<DirectoryLock> tryTake(Path file, String holder) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            return Optional.empty();
        }
        DirectoryLock held = new DirectoryLock(channel, lock);
        if (holder != null) {
            try {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
            } catch (IOException e) {
                held.close();
                throw e;
            }
        }
        return Optional.of(held);
    }

    /**
     * @param file a lock file
     * @return what its holder wrote into it (trimmed), or a note that it could not be read
     */
    public static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** Releases the lock; the file stays (deleting it would let a waiter lock a file no longer in the directory). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
