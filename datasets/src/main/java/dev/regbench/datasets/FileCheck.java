package dev.regbench.datasets;

import java.nio.file.Path;

/** The outcome of verifying one dataset file: {@link Ok}, {@link Missing} or {@link Bad}. */
public sealed interface FileCheck {
    /** @return the file that was checked */
    DataFile file();

    /** @return one line for humans: the path and the verdict */
    String describe();

    /** @return true only for {@link Ok} */
    default boolean ok() {
        return this instanceof Ok;
    }

    /**
     * The file is present and its uncompressed content has the expected SHA-256.
     *
     * @param file the file
     * @param path where it was found
     */
    record Ok(DataFile file, Path path) implements FileCheck {
        @Override
        public String describe() {
            return "OK       " + path;
        }
    }

    /**
     * Neither the raw nor the gzipped form is present.
     *
     * @param file     the file
     * @param expected where the raw form was looked for
     */
    record Missing(DataFile file, Path expected) implements FileCheck {
        @Override
        public String describe() {
            return "MISSING  " + expected + "[.gz]: fetch it with scripts/fetch-data.sh " + file.dataset().id();
        }
    }

    /**
     * The file is present but unusable.
     *
     * @param file  the file
     * @param error why, naming the path and the fix
     */
    record Bad(DataFile file, DataFileException error) implements FileCheck {
        @Override
        public String describe() {
            return "BAD      " + error.getMessage();
        }
    }
}
