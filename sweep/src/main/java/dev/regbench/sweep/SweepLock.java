package dev.regbench.sweep;

import dev.regbench.suites.harness.DirectoryLock;
import dev.regbench.suites.harness.OutputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;

/**
 * Keeps two sweep drivers from working on one output directory through {@code <out>/.sweep-lock}, which names
 * the holder's host, process id and start time for the message of a driver refused.
 * <ul>
 *   <li>Local directories: the operating system's lock on that file ({@link DirectoryLock}), atomic, and
 *       dropped when the driver's process dies, however it dies. Hadoop's local {@code create(…, false)} is not
 *       atomic (it checks for the file, then creates it): six drivers racing for one directory all got it.</li>
 *   <li>Other file systems (HDFS, object stores): the file, created only if absent (atomic on HDFS's name node)
 *       and removed when the driver ends. A lock left by a killed driver on this host is recognized (its process
 *       is gone) and taken over; one from another host must be removed by hand, as the message says.</li>
 * </ul>
 */
final class SweepLock implements AutoCloseable {
    /** The lock file's name under the output directory. */
    static final String FILE = ".sweep-lock";

    private final HadoopResultStore store;
    /** The operating system's lock, for a local directory; {@code null} for a file created on the file system. */
    private final DirectoryLock local;

    private SweepLock(HadoopResultStore store, DirectoryLock local) {
        this.store = store;
        this.local = local;
    }

    /**
     * @param store the output directory
     * @return the held lock
     * @throws OutputException if another live sweep holds it, naming it and the fix
     */
    static SweepLock acquire(HadoopResultStore store) throws OutputException {
        String me = host() + " " + ProcessHandle.current().pid() + " " + Instant.now();
        Optional<java.nio.file.Path> dir = store.localDirectory();
        return dir.isPresent() ? acquireLocal(store, dir.get().resolve(FILE), me) : acquireCreated(store, me);
    }

    private static SweepLock acquireLocal(HadoopResultStore store, java.nio.file.Path file, String me)
            throws OutputException {
        Optional<DirectoryLock> lock;
        try {
            lock = DirectoryLock.tryTake(file, me);
        } catch (IOException e) {
            throw cannotWrite(store, e);
        }
        if (lock.isEmpty()) {
            throw inUse(store, DirectoryLock.holder(file), "wait for it to finish");
        }
        return new SweepLock(store, lock.get());
    }

    private static SweepLock acquireCreated(HadoopResultStore store, String me) throws OutputException {
        Path file = lockFile(store);
        for (int attempt = 0; attempt < 2; attempt++) {
            try (FSDataOutputStream out = store.fileSystem().create(file, false)) {
                out.write(me.getBytes(StandardCharsets.UTF_8));
                return new SweepLock(store, null);
            } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
                String holder = holder(store, file);
                String[] parts = holder.split(" ");
                boolean staleHere = parts.length >= 2 && parts[0].equals(host()) && isDeadPid(parts[1]);
                if (!staleHere) {
                    throw inUse(store, holder, "wait for it, or delete " + store.directoryName() + "/" + FILE
                            + " if that sweep is no longer running");
                }
                try {
                    store.fileSystem().delete(file, false);
                } catch (IOException io) {
                    throw new OutputException("cannot remove the stale lock " + store.directoryName() + "/" + FILE
                            + " (" + io.getMessage() + ")");
                }
            } catch (IOException e) {
                throw cannotWrite(store, e);
            }
        }
        throw new OutputException("cannot take the lock " + store.directoryName() + "/" + FILE
                + ": another sweep took it at the same moment");
    }

    private static Path lockFile(HadoopResultStore store) {
        return new Path(store.directory(), FILE);
    }

    private static OutputException inUse(HadoopResultStore store, String holder, String fix) {
        return new OutputException(store.directoryName() + " is in use by another sweep (" + FILE + ": " + holder
                + "); " + fix);
    }

    private static OutputException cannotWrite(HadoopResultStore store, IOException e) {
        return new OutputException("cannot write to " + store.directoryName() + " (" + e.getMessage()
                + "); choose a writable --out");
    }

    private static String holder(HadoopResultStore store, Path file) {
        try (InputStream in = store.fileSystem().open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static boolean isDeadPid(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
            return;
        }
        try {
            store.fileSystem().delete(lockFile(store), false);
        } catch (IOException e) {
            // the next sweep on this host recognizes the stale lock
        }
    }
}
