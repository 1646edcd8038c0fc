package dev.regbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes are atomic or refused: never a silent non-atomic move, never a temporary file left behind. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWholeAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("sub/result.json");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));
        assertEquals("second", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFileSystemWithoutAtomicRenameIsRefusedAndTheOldContentKept() throws Exception {
        Path target = dir.resolve("result.json");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target,
                "new".getBytes(StandardCharsets.UTF_8), (from, to) -> {
                    throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "not here");
                }));
        assertTrue(e.getMessage().contains("cannot rename files atomically"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals("old", Files.readString(target), "the old content is intact");
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(AtomicFiles.TEMP_INFIX)),
                    "no temporary file left");
        }
    }
}
