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
 * file: a temporary file with a random name in the same directory, flushed to disk, then renamed over the target
 * with an atomic move, and the directory flushed so that the new name is durable too. A file system that cannot rename atomically is refused with an error naming it — a plain move could
 * leave a partial file behind — and the temporary file is removed.
 */
public final class AtomicFiles {
    /** Temporary files carry this infix; leftovers of a killed process can be recognized and removed. */
    public static final String TEMP_INFIX = ".partial-";

    /**
     * Test hook (the kill-during-a-write tests): with {@code -Dregbench.test.pauseBeforePublish=SUFFIX}, a write
     * whose target's name ends with SUFFIX announces {@link #PAUSE_ANNOUNCEMENT} and the target on stderr once its
     * temporary file is complete, then waits ten minutes before publishing it — the moment a test kills the process.
     */
    public static final String PAUSE_PROPERTY = "regbench.test.pauseBeforePublish";
    /** The line's start that {@link #pauseBeforePublishing} prints, followed by the target's path or URI. */
    public static final String PAUSE_ANNOUNCEMENT = "regbench test hook: paused before publishing ";

    private AtomicFiles() {
    }

    /**
     * @param target  the file to (re)place; its directory is created if needed
     * @param content the complete new content
     * @throws IOException if the directory or file cannot be written
     */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING));
    }

    /**
     * Writes a file only if it does not exist yet, atomically: the complete content goes to a temporary file,
     * which is then hard-linked to the target — a link fails if the target exists, so of two writers racing for
     * the same target exactly one succeeds and nobody ever sees a partial file.
     *
     * @param target  the file to create; its directory is created if needed
     * @param content its complete content
     * @return true if this call created it, false if it existed already (it is left untouched)
     * @throws IOException if the directory or file cannot be written, or the file system has no hard links
     */
    public static boolean writeIfAbsent(Path target, byte[] content) throws IOException {
        boolean[] created = {true};
        write(target, content, (from, to) -> {
            try {
                Files.createLink(to, from);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                created[0] = false;
            } catch (UnsupportedOperationException e) {
                throw new IOException("the file system of " + to.toAbsolutePath().getParent() + " has no hard links, "
                        + "which writing each result exactly once needs; use a directory on a local file system", e);
            }
        });
        return created[0];
    }

    /**
     * Flushes a directory's entries to disk (fsync on the directory), where the platform allows it: on Linux and
     * macOS opening a directory for reading and forcing it works; elsewhere it is skipped.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the rename is still atomic
        }
    }

    /**
     * The test hook of {@link #PAUSE_PROPERTY}: returns at once unless the property is set and {@code target}
     * ends with its value. Every writer of results calls it between its complete temporary file and publication.
     *
     * @param target the file about to be published (a path or a URI)
     */
    public static void pauseBeforePublishing(String target) {
        String suffix = System.getProperty(PAUSE_PROPERTY);
        if (suffix == null || !target.endsWith(suffix)) {
            return;
        }
        System.err.println(PAUSE_ANNOUNCEMENT + target);
        System.err.flush();
        try {
            Thread.sleep(java.util.concurrent.TimeUnit.MINUTES.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An atomic rename: {@link Files#move} with {@code ATOMIC_MOVE} (a seam for tests). */
    interface Rename {
        void rename(Path from, Path to) throws IOException;
    }

    static void write(Path target, byte[] content, Rename rename) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A random name, created only if absent: writers in other containers sharing this directory (same pids,
        // same thread ids) can never write into each other's temporary file.
        Path temp = dir.resolve(target.getFileName() + TEMP_INFIX + java.util.UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            pauseBeforePublishing(target.toAbsolutePath().toString());
            try {
                rename.rename(temp, target);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename files atomically, so a crash could "
                        + "leave a partial " + target.getFileName() + "; use a directory on a local file system", e);
            }
            syncDirectory(dir); // the new name itself survives a power loss, not only the content

        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
