package dev.regbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regbench.reports.Fixtures;
import dev.regbench.reports.stats.ReportModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * summary.csv, summary.json and table.tex of the fixture results are byte-for-byte the checked-in golden files,
 * whatever the default locale. To accept an intended change, run the tests with
 * {@code -Dregbench.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Locale ORIGINAL = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(ORIGINAL);
    }

    private static Path golden(String name) {
        return Path.of("src/test/resources/golden").resolve(name);
    }

    private static void check(ReportModel model, String name, Function<ReportModel, String> renderer)
            throws Exception {
        String actual = renderer.apply(model);
        if (Boolean.getBoolean("regbench.updateGolden")) {
            Files.createDirectories(golden(name).getParent());
            Files.writeString(golden(name), actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden(name), StandardCharsets.UTF_8), actual, name + " differs from its golden file");
    }

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "tr-TR", "ar-EG", "hi-IN-u-nu-deva"})
    void outputsAreLocaleIndependent(String tag) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(tag));
        ReportModel model = Fixtures.freshModel(); // built under this locale too
        check(model, "summary.csv", CsvSummary::render);
        check(model, "summary.json", JsonSummary::render);
        check(model, "table.tex", LatexTable::render);
    }

    @Test
    void csvHeaderMatchesItsDocumentation() throws Exception {
        String schema = Files.readString(Path.of("SCHEMA.md"));
        for (String column : CsvSummary.columns()) {
            String documented = column.replaceAll("_(mean|sd|ciLow|ciHigh|diff|p|pHolm|test)$", "");
            documented = documented.replaceFirst("^vsNone_", "");
            assertEquals(true, schema.contains("`" + documented + "`") || schema.contains("`" + column + "`"),
                    "summary.csv column " + column + " is documented in reports/SCHEMA.md");
        }
    }
}
