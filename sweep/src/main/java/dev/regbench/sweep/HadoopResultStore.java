package dev.regbench.sweep;

import dev.regbench.reports.AtomicFiles;
import dev.regbench.reports.schema.ResultFileException;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.suites.harness.OutputException;
import dev.regbench.suites.harness.ResultStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A sweep's output directory on any Hadoop file system ({@code file://}, {@code hdfs://}, {@code s3a://}, …),
 * laid out like {@code regbench run}'s, so the report reads it like any other. Every result is written
 * <b>exactly once</b> and atomically, whichever task attempt gets there first:
 * <ul>
 *   <li>local paths: a complete temporary file hard-linked to its name ({@link AtomicFiles#writeIfAbsent});</li>
 *   <li>HDFS and other file systems with atomic rename: a temporary file renamed to its name (HDFS refuses to
 *       rename onto an existing file). Files that are replaced (the selection, the suite copy) are renamed over
 *       the old one in one atomic step on HDFS ({@code Options.Rename.OVERWRITE}); elsewhere the old one is
 *       deleted first;</li>
 *   <li>object stores (s3a, gs, abfs, …): {@code create(path, overwrite=false)}; the object becomes visible only
 *       when complete. Whether two racing writers are told apart depends on the store's conditional writes.</li>
 * </ul>
 * A second attempt of the same run (a retried task) finds the file and leaves it alone.
 */
public final class HadoopResultStore implements ResultStore {
    private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss", "wasb",
            "wasbs", "oss", "cos", "cosn", "obs");

    private final String uri;
    private final FileSystem fs;
    private final Path out;
    private final Path runs;
    private final java.nio.file.Path local; // the output directory, for file: URIs; null otherwise
    private final boolean objectStore;

    private HadoopResultStore(String uri, FileSystem fs, Path out, java.nio.file.Path local, boolean objectStore) {
        this.uri = uri;
        this.fs = fs;
        this.out = out;
        this.runs = new Path(out, "runs");
        this.local = local;
        this.objectStore = objectStore;
    }

    /**
     * @param location the output directory: a URI ({@code hdfs://nn/sweeps/x}, {@code s3a://bucket/x}) or a local
     *                 path
     * @param conf     Hadoop's configuration (credentials, endpoints)
     * @return the store; its {@code runs/} directory exists
     * @throws OutputException if the file system is unknown or the directory cannot be created
     */
    public static HadoopResultStore open(String location, Configuration conf) throws OutputException {
        URI u;
        try {
            u = toUri(location);
        } catch (IllegalArgumentException e) {
            throw new OutputException("--out " + location + " is neither a path nor a URI (" + e.getMessage()
                    .lines().findFirst().orElse("") + "); give a local path or hdfs://host/dir, s3a://bucket/dir");
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        FileSystem fs;
        try {
            fs = FileSystem.newInstance(u, conf);
        } catch (IOException | RuntimeException e) {
            throw new OutputException("cannot open " + location + " (" + e.getMessage() + "); check --out (file://, "
                    + "hdfs:// or s3a:// with the file system's jars and credentials on the classpath)");
        }
        if (fs instanceof org.apache.hadoop.fs.LocalFileSystem checksummed) {
            fs = checksummed.getRawFileSystem(); // no .crc files beside the results
        }
        java.nio.file.Path localDir = "file".equals(scheme) ? java.nio.file.Path.of(u) : null;
        String display = localDir != null ? localDir.toString() : u.toString();
        HadoopResultStore store = new HadoopResultStore(display, fs, new Path(u), localDir,
                OBJECT_STORES.contains(scheme));
        try {
            if (fs.exists(store.out) && !fs.getFileStatus(store.out).isDirectory()) {
                throw new OutputException(display + " is a file, not a directory; choose another --out");
            }
            fs.mkdirs(store.runs);
        } catch (IOException e) {
            throw new OutputException("cannot create output directory " + display + "/runs (" + e.getMessage()
                    + "); choose a writable --out");
        }
        return store;
    }

    /** @return a URI for a location given as a URI or as a local path (made absolute) */
    static URI toUri(String location) {
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return URI.create(location.endsWith("/") ? location.substring(0, location.length() - 1) : location);
        }
        return java.nio.file.Path.of(location).toAbsolutePath().normalize().toUri();
    }

    /** @return the output directory's URI, as executors open it */
    public String uri() {
        return out.toUri().toString();
    }

    /** @return the file system (for the sweep lock) */
    FileSystem fileSystem() {
        return fs;
    }

    /** @return the output directory if it is on the local file system ({@code file:}), else empty */
    java.util.Optional<java.nio.file.Path> localDirectory() {
        return java.util.Optional.ofNullable(local);
    }

    /** @return the output directory */
    Path directory() {
        return out;
    }

    @Override
    public String location(String relative) {
        return uri + "/runs/" + relative;
    }

    @Override
    public String directoryName() {
        return uri;
    }

    /**
     * @param relative a result path under {@code runs/}
     * @return whether its file exists
     * @throws OutputException if the file system cannot be asked
     */
    public boolean exists(String relative) throws OutputException {
        try {
            return fs.exists(new Path(runs, relative));
        } catch (IOException e) {
            throw new OutputException("cannot read " + location(relative) + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public Optional<RunResult> read(String relative) throws OutputException {
        Path file = new Path(runs, relative);
        byte[] bytes;
        try {
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            FileStatus status = fs.getFileStatus(file);
            if (status.getLen() > RunResultFiles.MAX_BYTES) {
                throw new OutputException(location(relative) + ": " + RunResultFiles.tooLarge(status.getLen())
                        + "; delete it to train this run again");
            }
            try (InputStream in = fs.open(file)) {
                bytes = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new OutputException("cannot read " + location(relative) + " (" + e.getMessage() + ")");
        }
        try {
            return Optional.of(RunResultFiles.parse(location(relative), bytes).result());
        } catch (ResultFileException e) {
            throw new OutputException(e.getMessage() + "; delete it to train this run again");
        }
    }

    /** Writes the result unless a file for the run exists already (then the first one stays). */
    @Override
    public void save(String relative, RunResult result) throws OutputException {
        createOnce(relative, RunResultFiles.toJson(result).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param relative a result path under {@code runs/}
     * @param content  the result file's bytes
     * @return true if this call wrote it, false if it existed (left untouched)
     * @throws OutputException if it cannot be written
     */
    public boolean createOnce(String relative, byte[] content) throws OutputException {
        Path target = new Path(runs, relative);
        try {
            if (local != null) {
                return AtomicFiles.writeIfAbsent(local.resolve("runs").resolve(relative), content);
            }
            if (objectStore) {
                try (FSDataOutputStream stream = fs.create(target, false)) {
                    stream.write(content);
                }
                return true;
            }
            return viaTemporary(target, content, temp -> fs.rename(temp, target));
        } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new OutputException("cannot write " + location(relative) + " (" + e.getMessage()
                    + "); results already written are kept");
        }
    }

    @Override
    public void saveSelection(String json) throws OutputException {
        replace(SELECTION_FILE, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes (or replaces) a file directly under the output directory, atomically where the file system can.
     *
     * @param name    its name, e.g. {@code suite.yaml}
     * @param content its content
     * @throws OutputException if it cannot be written
     */
    public void replace(String name, byte[] content) throws OutputException {
        try {
            if (local != null) {
                AtomicFiles.write(local.resolve(name), content);
                return;
            }
            Path target = new Path(out, name);
            if (objectStore) {
                try (FSDataOutputStream stream = fs.create(target, true)) {
                    stream.write(content);
                }
                return;
            }
            viaTemporary(target, content, temp -> {
                if (fs instanceof org.apache.hadoop.hdfs.DistributedFileSystem hdfs) {
                    hdfs.rename(temp, target, org.apache.hadoop.fs.Options.Rename.OVERWRITE); // one atomic step
                } else {
                    fs.delete(target, false); // a plain rename does not replace; readers may miss the file briefly
                    if (!fs.rename(temp, target)) {
                        throw new IOException("rename of " + temp + " failed");
                    }
                }
                return true;
            });
        } catch (IOException e) {
            throw new OutputException("cannot write " + uri + "/" + name + " (" + e.getMessage()
                    + "); results already written are kept");
        }
    }

    /**
     * Removes a file directly under the output directory, if it exists.
     *
     * @param name its name
     * @throws OutputException if it exists and cannot be removed
     */
    public void remove(String name) throws OutputException {
        try {
            fs.delete(new Path(out, name), false);
        } catch (IOException e) {
            throw new OutputException("cannot remove " + uri + "/" + name + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Removes temporary files that killed task attempts left under {@code runs/}; call before any task runs.
     *
     * @throws OutputException if the directory cannot be listed
     */
    public void removeStalePartials() throws OutputException {
        try {
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(runs, true);
            while (files.hasNext()) {
                Path p = files.next().getPath();
                if (p.getName().contains(AtomicFiles.TEMP_INFIX)) {
                    fs.delete(p, false);
                }
            }
        } catch (IOException e) {
            throw new OutputException("cannot clean " + uri + "/runs (" + e.getMessage() + ")");
        }
    }

    /** Publishes a complete temporary file under its target's name (a rename of some kind). */
    private interface Publish {
        boolean from(Path temp) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target} (a random name), syncs it to the data nodes,
     * publishes it, and removes the temporary file if it is still there.
     *
     * @return what {@code publish} returned
     */
    private boolean viaTemporary(Path target, byte[] content, Publish publish) throws IOException {
        Path temp = new Path(target.getParent(), target.getName() + AtomicFiles.TEMP_INFIX + UUID.randomUUID());
        try {
            try (FSDataOutputStream stream = fs.create(temp, true)) {
                stream.write(content);
                stream.hsync();
            }
            AtomicFiles.pauseBeforePublishing(target.toString());
            return publish.from(temp);
        } finally {
            fs.delete(temp, false);
        }
    }

    @Override
    public void close() {
        try {
            fs.close();
        } catch (IOException e) {
            // nothing was pending: every write closed its stream
        }
    }
}
