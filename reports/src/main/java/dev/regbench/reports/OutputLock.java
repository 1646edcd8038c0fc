package dev.regbench.reports;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One writer per output directory: {@code regbench run}, {@code regbench sweep} and {@code regbench report --out}
 * all take {@code <dir>/.lock} before they write anything there (and before they remove a killed writer's
 * temporary files), so two commands never interleave their writes on one directory, whichever commands they are.
 * <p>
 * On a local directory this class is the lock: the operating system's lock on the file, taken without waiting.
 * It is atomic (two processes, or two threads of one JVM, can never both hold it) and dropped by the operating
 * system when its process dies, so a killed writer never blocks the next one. The file stays; while held it
 * names its holder ({@link #holderLine}) for the message of whoever is refused. On other file systems (HDFS,
 * object stores) the sweep creates the same file only if absent, with the same line (see the sweep's
 * {@code SweepLock}); {@link #ownerOf} reads that line back.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name inside the output directory. */
    public static final String FILE = ".lock";

    private static final Pattern OWNER = Pattern.compile("on host (\\S+), pid (\\d+)");

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a local output directory, or says who holds it.
     *
     * @param dir     the output directory (must exist)
     * @param command the command taking it ({@code run}, {@code sweep}, {@code report}), for the holder line
     * @return the held lock
     * @throws InUseException if another process, or another holder in this JVM, has it
     * @throws IOException    if the lock file cannot be created, opened or written
     */
    public static OutputLock take(Path dir, String command) throws InUseException, IOException {
        Path file = dir.resolve(FILE);
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
            throw new InUseException(dir.toString(), holder(file));
        }
        OutputLock held = new OutputLock(channel, lock);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holderLine(command).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            held.close();
            throw e;
        }
        return held;
    }

    /**
     * @param command the command taking a lock
     * @return the line a lock file holds while this process has it: command, host, process id and start time
     */
    public static String holderLine(String command) {
        return "regbench " + command + " on host " + host() + ", pid " + ProcessHandle.current().pid() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @param line a lock file's content
     * @return its holder's host and process id, if the line has them
     */
    public static Optional<Owner> ownerOf(String line) {
        Matcher m = OWNER.matcher(line);
        return m.find() ? Optional.of(new Owner(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
    }

    /**
     * The process a lock file names.
     *
     * @param host its host name
     * @param pid  its process id on that host
     */
    public record Owner(String host, long pid) {
        /** @return true if the owner ran on this host and is gone: its lock is stale */
        public boolean isDeadHere() {
            return host.equals(host()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
    }

    /** @return this machine's host name, as lock files name it */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static String holder(Path file) {
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8).trim();
            return line.isEmpty() ? "another regbench process" : line;
        } catch (IOException e) {
            return "another regbench process";
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

    /** Another writer holds an output directory; the message is one line naming it and the fix. */
    public static final class InUseException extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * @param directory the output directory, as the user named it
         * @param holder    its lock file's line (who holds it)
         */
        public InUseException(String directory, String holder) {
            this(directory, holder, "wait for it to finish or choose another --out");
        }

        /**
         * @param directory the output directory, as the user named it
         * @param holder    its lock file's line (who holds it)
         * @param fix       what the user can do
         */
        public InUseException(String directory, String holder, String fix) {
            super(directory + " is in use by " + holder + " (" + FILE + "); " + fix);
        }
    }
}
