package dev.regbench.suites.harness;

import dev.regbench.reports.AtomicFiles;
import dev.regbench.reports.OutputLock;
import dev.regbench.reports.schema.ResultFileException;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The output directory of {@code regbench run} on a local file system: {@code <out>/runs/…/<point>-seed<k>.json},
 * one file per finished run (paths: {@link RunPlan#path}), each written atomically, and
 * {@code <out>/selection.json}. Held under the output's lock ({@link OutputLock}, shared with {@code sweep} and
 * {@code report}) for as long as it is open, so two commands cannot interleave their writes; the operating system
 * drops the lock if the process dies, so a killed run never blocks the next one.
 */
public final class LocalResultStore implements ResultStore {
    private final Path out;
    private final Path runs;
    private final OutputLock lock;

    private LocalResultStore(Path out, OutputLock lock) {
        this.out = out;
        this.runs = out.resolve("runs");
        this.lock = lock;
    }

    /**
     * Creates the directory if needed, takes the lock and removes temporary files a killed process left.
     *
     * @param out the output directory
     * @return the open store
     * @throws OutputException if the directory cannot be created or written, or another process holds it
     */
    public static LocalResultStore open(Path out) throws OutputException {
        Path runs = out.resolve("runs");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new OutputException(out + " is a file, not a directory; choose another --out");
        }
        try {
            Files.createDirectories(runs);
        } catch (IOException e) {
            throw new OutputException("cannot create output directory " + runs + " (" + e.getMessage()
                    + "); choose a writable --out");
        }
        OutputLock lock;
        try {
            lock = OutputLock.take(out, "run");
        } catch (OutputLock.InUseException e) {
            throw new OutputException(e.getMessage());
        } catch (IOException e) {
            throw new OutputException("cannot write to output directory " + out + " (" + e.getMessage()
                    + "); choose a writable --out");
        }
        LocalResultStore store = new LocalResultStore(out, lock);
        store.removeStalePartials();
        return store;
    }

    /** @return the output directory */
    public Path directory() {
        return out;
    }

    /** @return where a result goes, given its path relative to {@code <out>/runs/} */
    public Path path(String relative) {
        return runs.resolve(relative);
    }

    @Override
    public String location(String relative) {
        return path(relative).toString();
    }

    @Override
    public String directoryName() {
        return out.toString();
    }

    @Override
    public Optional<RunResult> read(String relative) throws OutputException {
        Path file = path(relative);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunResultFiles.read(file));
        } catch (ResultFileException e) {
            throw new OutputException(e.getMessage() + "; delete it to train this run again");
        }
    }

    /**
     * Writes a result atomically.
     *
     * @param relative the run's result path relative to {@code <out>/runs/}
     * @param result   its result
     * @throws OutputException if the file cannot be written
     */
    @Override
    public void save(String relative, RunResult result) throws OutputException {
        try {
            RunResultFiles.write(path(relative), result);
        } catch (IOException e) {
            throw new OutputException("cannot write " + path(relative) + " (" + e.getMessage()
                    + "); results already written are kept");
        }
    }

    /**
     * Writes {@code <out>/selection.json} atomically.
     *
     * @param json its content
     * @throws OutputException if it cannot be written
     */
    @Override
    public void saveSelection(String json) throws OutputException {
        Path file = out.resolve(SELECTION_FILE);
        try {
            AtomicFiles.write(file, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + " (" + e.getMessage()
                    + "); results already written are kept");
        }
    }

    /**
     * Saves a copy of the suite file next to the results, for provenance.
     *
     * @param suiteBytes the suite file's content, as it was parsed
     * @throws OutputException if it cannot be written
     */
    public void keepSuiteFile(byte[] suiteBytes) throws OutputException {
        try {
            AtomicFiles.write(out.resolve("suite.yaml"), suiteBytes);
        } catch (IOException e) {
            throw new OutputException("cannot write " + out.resolve("suite.yaml") + " (" + e.getMessage() + ")");
        }
    }

    private void removeStalePartials() throws OutputException {
        try (java.util.stream.Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().contains(AtomicFiles.TEMP_INFIX)).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new OutputException("cannot clean " + out + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
