package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checksum and completeness checks on fixture files (the real files are covered by RealDataTest). */
class DatasetFilesTest {
    @TempDir
    Path root;

    private final DataFile testLabels = new DataFile(ImageDataset.MNIST, Split.TEST, IdxKind.LABELS);

    @Test
    void everyKnownFileHasAChecksum() {
        for (ImageDataset d : ImageDataset.values()) {
            for (DataFile f : d.files()) {
                assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.relativePath());
            }
        }
        assertEquals("mnist/t10k-labels-idx1-ubyte", testLabels.relativePath());
    }

    @Test
    void wellFormedButWrongContentIsAChecksumMismatch() {
        DataDirectory dir = new DataDirectory(root);
        IdxFixtures.write(dir.rawPath(testLabels), IdxFixtures.labels(new int[10_000])); // all zeros: right shape
        DataFileException e = assertThrows(DataFileException.class,
                () -> new DatasetFiles(dir).readLabels(testLabels));
        String m = e.getMessage();
        assertTrue(m.startsWith(dir.rawPath(testLabels) + ": SHA-256 mismatch"), m);
        assertTrue(m.contains("scripts/fetch-data.sh mnist"), m);
        assertInstanceOf(FileCheck.Bad.class, new DatasetFiles(dir).check(testLabels));
    }

    @Test
    void structuralProblemIsReportedBeforeTheChecksum() {
        DataDirectory dir = new DataDirectory(root);
        IdxFixtures.write(dir.gzipPath(testLabels), IdxFixtures.gzip(IdxFixtures.labels(1, 2, 3)));
        DataFileException e = assertThrows(DataFileException.class,
                () -> new DatasetFiles(dir).readLabels(testLabels));
        assertTrue(e.getMessage().startsWith(dir.gzipPath(testLabels) + ": holds 3 labels, expected 10000"),
                e.getMessage());
        assertTrue(e.getMessage().contains("re-fetch with scripts/fetch-data.sh mnist"), e.getMessage());
    }

    @Test
    void missingFileSaysHowToFetch() {
        DataDirectory dir = new DataDirectory(root);
        DataFileException e = assertThrows(DataFileException.class,
                () -> new DatasetFiles(dir).readLabels(testLabels));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-data.sh mnist"), e.getMessage());
        List<FileCheck> checks = new DatasetFiles(dir).check(ImageDataset.MNIST);
        assertEquals(4, checks.size());
        assertTrue(checks.stream().allMatch(c -> c instanceof FileCheck.Missing));
    }

    @Test
    void loaderRefusesAnIncompleteDataset() {
        DataDirectory dir = new DataDirectory(root);
        IdxFixtures.write(dir.rawPath(testLabels), IdxFixtures.labels(new int[10_000]));
        DataFileException e = assertThrows(DataFileException.class,
                () -> new ImageDataLoader(dir).load(ImageDataset.MNIST));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void rawFormIsPreferredWhenBothExist() {
        DataDirectory dir = new DataDirectory(root);
        IdxFixtures.write(dir.gzipPath(testLabels), new byte[] {1});
        IdxFixtures.write(dir.rawPath(testLabels), new byte[] {2});
        assertEquals(dir.rawPath(testLabels), dir.locate(testLabels).orElseThrow());
    }
}
