package dev.regbench.reports.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regbench.reports.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reports/SCHEMA.md cannot drift from the records: its field index is the list derived from {@link RunResult}'s
 * components, and this test fails when the two differ. To accept an intended change, run the tests with
 * {@code -Dregbench.updateSchema=true} and review the diff (then describe the new field in the tables above the
 * index).
 */
class SchemaDocTest {
    private static final String BEGIN = "<!-- field index: generated from the record types by SchemaDocTest -->";
    private static final String END = "<!-- end of field index -->";

    @TempDir
    Path dir;

    static String index() {
        StringBuilder b = new StringBuilder("| field | JSON type |\n|---|---|\n");
        for (SchemaFields.Field f : SchemaFields.of(RunResult.class)) {
            b.append("| `").append(f.path()).append("` | ").append(f.type()).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void schemaDocumentListsExactlyTheRecordsFields() throws Exception {
        Path doc = Path.of("SCHEMA.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "SCHEMA.md has the field index markers");
        String documented = text.substring(begin + BEGIN.length(), end).strip() + "\n";
        if (Boolean.getBoolean("regbench.updateSchema")) {
            Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + "\n" + index()
                    + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(index(), documented, "SCHEMA.md's field index differs from the records "
                + "(-Dregbench.updateSchema=true regenerates it)");
        for (SchemaFields.Field f : SchemaFields.of(RunResult.class)) {
            String leaf = f.path().substring(f.path().lastIndexOf('.') + 1).replace("[]", "");
            assertTrue(text.substring(0, begin).contains("`" + leaf + "`"),
                    "the tables above the index describe " + f.path());
        }
    }

    @Test
    void aNewerMinorVersionsFieldsAreSetAsideAndNamedAnOlderReaderStaysStrict() throws Exception {
        Path source = Fixtures.dir("polynomial").resolve("runs/l2-seed1.json");
        ObjectNode tree = (ObjectNode) RunResultFiles.mapper().readTree(source.toFile());
        tree.put("schemaMinor", RunResult.SCHEMA_MINOR + 1);
        tree.put("carbonGrams", 12.5);
        ((ObjectNode) tree.get("epochs").get(0)).put("gradientNorm", 0.3);
        Path newer = Files.writeString(dir.resolve("newer.json"), RunResultFiles.mapper().writeValueAsString(tree));
        RunResultFiles.Loaded loaded = RunResultFiles.load(newer);
        assertEquals(Set.of("carbonGrams", "epochs[].gradientNorm"), loaded.ignored());
        assertEquals(RunResultFiles.read(source).epochs(), loaded.result().epochs());
        tree.put("schemaMinor", RunResult.SCHEMA_MINOR);
        Path same = Files.writeString(dir.resolve("same.json"), RunResultFiles.mapper().writeValueAsString(tree));
        ResultFileException e = org.junit.jupiter.api.Assertions.assertThrows(ResultFileException.class,
                () -> RunResultFiles.load(same));
        assertTrue(e.getMessage().contains("unknown field '"), e.getMessage());
        tree.put("schemaVersion", 3);
        Path major = Files.writeString(dir.resolve("major.json"), RunResultFiles.mapper().writeValueAsString(tree));
        e = org.junit.jupiter.api.Assertions.assertThrows(ResultFileException.class, () -> RunResultFiles.load(major));
        assertTrue(e.getMessage().contains("schemaVersion 3 is not supported"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        List<String> names = SchemaFields.of(RunResult.class).stream().map(SchemaFields.Field::path).toList();
        assertTrue(names.contains("epochs[].validation.accuracy") && names.contains("final.test.loss"), names.toString());
    }
}
