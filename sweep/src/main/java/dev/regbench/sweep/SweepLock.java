package dev.regbench.sweep;

import dev.regbench.suites.harness.OutputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;

/**
 * Keeps two sweep drivers from working on one output directory: {@code <out>/.sweep-lock}, created if absent,
 * holding the driver's host, process id and start time, removed when the driver ends. A lock left by a killed
 * driver on this host is recognized (its process is gone) and taken over; one from another host must be
 * removed by hand, as the message says.
 */
final class SweepLock implements AutoCloseable {
    /** The lock file's name under the output directory. */
    static final String FILE = ".sweep-lock";

    private final HadoopResultStore store;
    private final Path file;

    private SweepLock(HadoopResultStore store, Path file) {
        this.store = store;
        this.file = file;
    }

    /**
     * @param store the output directory
     * @return the held lock
     * @throws OutputException if another live sweep holds it, naming it and the fix
     */
    static SweepLock acquire(HadoopResultStore store) throws OutputException {
        Path file = new Path(store.directory(), FILE);
        String me = host() + " " + ProcessHandle.current().pid() + " " + Instant.now();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (FSDataOutputStream out = store.fileSystem().create(file, false)) {
                out.write(me.getBytes(StandardCharsets.UTF_8));
                return new SweepLock(store, file);
            } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
                String holder = holder(store, file);
                String[] parts = holder.split(" ");
                boolean staleHere = parts.length >= 2 && parts[0].equals(host()) && isDeadPid(parts[1]);
                if (!staleHere) {
                    throw new OutputException(store.directoryName() + " is in use by another sweep (" + FILE + ": "
                            + holder + "); wait for it, or delete " + store.directoryName() + "/" + FILE
                            + " if that sweep is no longer running");
                }
                try {
                    store.fileSystem().delete(file, false);
                } catch (IOException io) {
                    throw new OutputException("cannot remove the stale lock " + store.directoryName() + "/" + FILE
                            + " (" + io.getMessage() + ")");
                }
            } catch (IOException e) {
                throw new OutputException("cannot write to " + store.directoryName() + " (" + e.getMessage()
                        + "); choose a writable --out");
            }
        }
        throw new OutputException("cannot take the lock " + store.directoryName() + "/" + FILE
                + ": another sweep took it at the same moment");
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
        try {
            store.fileSystem().delete(file, false);
        } catch (IOException e) {
            // the next sweep on this host recognizes the stale lock
        }
    }
}
