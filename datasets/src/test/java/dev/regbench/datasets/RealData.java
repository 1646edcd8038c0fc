package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;

/** The real dataset files for tests; CI fetches them first (scripts/fetch-data.sh all). */
final class RealData {
    private RealData() {
    }

    static DataDirectory directory(ImageDataset dataset) {
        DataDirectory dir = DataDirectory.resolve(Optional.empty());
        for (DataFile f : dataset.files()) {
            if (dir.locate(f).isEmpty()) {
                fail(dataset.displayName() + " not found in " + dir.root().toAbsolutePath()
                        + ": run scripts/fetch-data.sh " + dataset.id() + " before the tests");
            }
        }
        return dir;
    }
}
