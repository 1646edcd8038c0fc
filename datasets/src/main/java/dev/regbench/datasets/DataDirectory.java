package dev.regbench.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where dataset files live: {@code <root>/<dataset id>/<file>[.gz]}.
 *
 * <p>The root is, in order of precedence: an explicit path (the CLI's {@code --data-dir}), the environment
 * variable {@code REGBENCH_DATA}, the system property {@code regbench.dataDir}, and finally
 * {@code datasets/data} under the project directory (system property {@code regbench.home}, else the
 * working directory).
 *
 * @param root the data directory; need not exist
 */
public record DataDirectory(Path root) {
    /** Environment variable that overrides the default data directory. */
    public static final String ENV = "REGBENCH_DATA";
    /** System property that overrides the default data directory (used by the build's tests). */
    public static final String PROPERTY = "regbench.dataDir";

    /**
     * @param explicit a directory given on the command line, if any
     * @return the data directory to use
     */
    public static DataDirectory resolve(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return new DataDirectory(explicit.get());
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new DataDirectory(Path.of(env));
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new DataDirectory(Path.of(property));
        }
        return new DataDirectory(Path.of(System.getProperty("regbench.home", ".")).resolve("datasets").resolve("data"));
    }

    /** @return the directory holding one dataset's files */
    public Path datasetDir(ImageDataset dataset) {
        return root.resolve(dataset.id());
    }

    /** @return where the uncompressed form of {@code file} would be */
    public Path rawPath(DataFile file) {
        return datasetDir(file.dataset()).resolve(file.fileName());
    }

    /** @return where the gzipped form of {@code file} would be */
    public Path gzipPath(DataFile file) {
        return datasetDir(file.dataset()).resolve(file.fileName() + ".gz");
    }

    /** @return the file as present on disk, raw preferred over gzipped, or empty if neither exists */
    public Optional<Path> locate(DataFile file) {
        Path raw = rawPath(file);
        if (Files.exists(raw)) {
            return Optional.of(raw);
        }
        Path gz = gzipPath(file);
        return Files.exists(gz) ? Optional.of(gz) : Optional.empty();
    }
}
