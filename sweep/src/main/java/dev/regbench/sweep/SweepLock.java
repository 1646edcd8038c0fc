package dev.regbench.sweep;

import dev.regbench.reports.OutputLock;
import dev.regbench.suites.harness.OutputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;

/**
 * The output's one-writer lock ({@link OutputLock}: {@code <out>/.lock}, the same file {@code regbench run} and
 * {@code regbench report} take) for a sweep driver, on any file system Hadoop reaches.
 * <ul>
 *   <li>Local directories: the operating system's lock on that file ({@link OutputLock}), atomic, and
 *       dropped when the driver's process dies, however it dies. Hadoop's local {@code create(…, false)} is not
 *       atomic (it checks for the file, then creates it): six drivers racing for one directory all got it.</li>
 *   <li>Other file systems (HDFS, object stores): the file, created only if absent (atomic on HDFS's name node)
 *       with {@link OutputLock#holderLine}, and removed when the driver ends. A lock left by a killed driver on
 *       this host is recognized (its process is gone) and taken over; one from another host must be removed by
 *       hand, as the message says.</li>
 * </ul>
 */
final class SweepLock implements AutoCloseable {
    /** The lock file's name under the output directory. */
    static final String FILE = OutputLock.FILE;

    private final HadoopResultStore store;
    /** The operating system's lock, for a local directory; {@code null} for a file created on the file system. */
    private final OutputLock local;

    private SweepLock(HadoopResultStore store, OutputLock local) {
        this.store = store;
        this.local = local;
    }

    /**
     * @param store the output directory
     * @return the held lock
     * @throws OutputException if another live writer (a sweep, a run or a report) holds it, naming it and the fix
     */
    static SweepLock acquire(HadoopResultStore store) throws OutputException {
        Optional<java.nio.file.Path> dir = store.localDirectory();
        if (dir.isEmpty()) {
            return acquireCreated(store, OutputLock.holderLine("sweep"));
        }
        try {
            return new SweepLock(store, OutputLock.take(dir.get(), "sweep"));
        } catch (OutputLock.InUseException e) {
            throw new OutputException(e.getMessage());
        } catch (IOException e) {
            throw cannotWrite(store, e);
        }
    }

    private static SweepLock acquireCreated(HadoopResultStore store, String me) throws OutputException {
        Path file = lockFile(store);
        for (int attempt = 0; attempt < 2; attempt++) {
            try (FSDataOutputStream out = store.fileSystem().create(file, false)) {
                out.write(me.getBytes(StandardCharsets.UTF_8));
                return new SweepLock(store, null);
            } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
                String holder = holder(store, file);
                boolean staleHere = OutputLock.ownerOf(holder).map(OutputLock.Owner::isDeadHere).orElse(false);
                if (!staleHere) {
                    throw new OutputException(new OutputLock.InUseException(store.directoryName(), holder,
                            "wait for it, or delete " + store.directoryName() + "/" + FILE
                                    + " if that writer is no longer running").getMessage());
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
                + ": another writer took it at the same moment");
    }

    private static Path lockFile(HadoopResultStore store) {
        return new Path(store.directory(), FILE);
    }

    private static OutputException cannotWrite(HadoopResultStore store, IOException e) {
        return new OutputException("cannot write to " + store.directoryName() + " (" + e.getMessage()
                + "); choose a writable --out");
    }

    private static String holder(HadoopResultStore store, Path file) {
        try (InputStream in = store.fileSystem().open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "another regbench process (its lock file is unreadable: " + e.getMessage() + ")";
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
