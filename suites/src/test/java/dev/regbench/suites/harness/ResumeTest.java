package dev.regbench.suites.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import dev.regbench.suites.EnvironmentProbe;
import dev.regbench.suites.Fixtures;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.Regularizer;
import dev.regbench.suites.network.RegularizerKind;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Results are written atomically, resumed, guarded by a lock, and refused when the configuration changed. */
class ResumeTest {
    private static final Environment ENV = EnvironmentProbe.current();
    private static final List<Variant> VARIANTS = List.of(Variant.of("none", Regularizer.none()),
            Variant.of("l2", RegularizerKind.L2.with(1e-3)));

    @TempDir
    Path out;

    private static RunSummary run(Suite suite, Path out) throws Exception {
        return runWith(suite, out, ENV);
    }

    @Test
    void secondRunSkipsFinishedRunsAndRedoesMissingOnes() throws Exception {
        Suite suite = Fixtures.polynomial(VARIANTS, 3, 0.05, List.of(1L, 2L));
        RunSummary first = run(suite, out);
        assertEquals(4, first.trained().size());
        Path kept = out.resolve("runs/none-seed1.json");
        byte[] keptBytes = Files.readAllBytes(kept);
        Files.delete(out.resolve("runs/l2-seed2.json"));
        Files.writeString(out.resolve("runs/l2-seed1.json.partial-999"), "{\"schemaVer"); // a killed write

        RunSummary second = run(suite, out);
        assertEquals(1, second.trained().size());
        assertEquals("l2", second.trained().get(0).regularizer().name());
        assertEquals(2L, second.trained().get(0).seed());
        assertEquals(3, second.skipped().size());
        assertArrayEquals(keptBytes, Files.readAllBytes(kept), "finished results are not rewritten");
        assertFalse(Files.exists(out.resolve("runs/l2-seed1.json.partial-999")), "stale partial files removed");
        try (var files = Files.list(out.resolve("runs"))) {
            assertEquals(4, files.count());
        }
    }

    @Test
    void changedConfigurationIsRefused() throws Exception {
        run(Fixtures.polynomial(VARIANTS, 2, 0.05, List.of(1L)), out);
        Suite changed = Fixtures.polynomial(VARIANTS, 2, 0.07, List.of(1L));
        OutputException e = assertThrows(OutputException.class, () -> run(changed, out));
        assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
        assertTrue(e.getMessage().contains("none-seed1.json"), e.getMessage());
    }

    /**
     * A result made on another backend, another native build, with other threads or from other data files is
     * refused when resuming, naming what differs (as README promises): each case is a real result of this run with
     * that one field as another machine would have recorded it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"backend\" : \"CPU\"|\"backend\" : \"CUDA\"|backend CUDA (now CPU)",
            "\"nativeBuild\" : \"[^\"]*\"|\"nativeBuild\" : \"linux-x86_64-avx512\"|native build linux-x86_64-avx512",
            "\"ompThreads\" : 1|\"ompThreads\" : 4|4 OpenMP",
            "\"implementation\" : \"tuned\"|\"implementation\" : \"stock\"|implementation stock (now tuned)"})
    void aResultFromAnotherEnvironmentIsRefusedNamingWhatDiffers(String field, String other, String named)
            throws Exception {
        Suite suite = Fixtures.polynomial(VARIANTS, 2, 0.05, List.of(1L));
        Environment oneThread = ENV.withThreads(1, 1);
        runWith(suite, out, oneThread);
        Path result = out.resolve("runs/none-seed1.json");
        String json = Files.readString(result);
        String changed = json.replaceFirst(field, java.util.regex.Matcher.quoteReplacement(other));
        assertTrue(!changed.equals(json), "the result file has " + field);
        Files.writeString(result, changed);
        OutputException e = assertThrows(OutputException.class, () -> runWith(suite, out, oneThread));
        assertTrue(e.getMessage().contains("none-seed1.json was computed with " + named), e.getMessage());
        assertTrue(e.getMessage().contains("use a new --out"), "names the fix: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aResultFromOtherDataFilesIsRefused() throws Exception {
        Suite suite = Fixtures.polynomial(VARIANTS, 2, 0.05, List.of(1L));
        run(suite, out);
        Path result = out.resolve("runs/l2-seed1.json");
        // The generated polynomial task has no data files (null); a result that names some came from other data.
        String json = Files.readString(result);
        String changed = json.replaceFirst("\"dataset\" : \\{", java.util.regex.Matcher.quoteReplacement(
                "\"dataset\" : {\"dataSha256\" : \"8934ce6a6898e8cb684a965995ad3d2bb65b38fa4202844cdcd9171f91525e36\","));
        assertTrue(!changed.equals(json), "the result has a dataset block");
        Files.writeString(result, changed);
        OutputException e = assertThrows(OutputException.class, () -> run(suite, out));
        assertTrue(e.getMessage().contains("l2-seed1.json was computed with other data files"), e.getMessage());
    }

    private static RunSummary runWith(Suite suite, Path out, Environment environment) throws Exception {
        SuiteData data = SuiteData.load(suite, DataDirectory.resolve(Optional.empty()));
        try (LocalResultStore store = LocalResultStore.open(out)) {
            return new SuiteRunner(suite, data, Implementation.TUNED.choose(), environment).run(store,
                    ProgressListener.NONE);
        }
    }

    @Test
    void onlyOneProcessAtATime() throws Exception {
        try (LocalResultStore held = LocalResultStore.open(out)) {
            OutputException e = assertThrows(OutputException.class, () -> LocalResultStore.open(out));
            assertTrue(e.getMessage().contains("in use by regbench run on host"), e.getMessage());
        }
        LocalResultStore.open(out).close(); // released
    }

    @Test
    void unwritableOutputIsAOneLineError() throws Exception {
        Path file = Files.writeString(out.resolve("not-a-dir"), "x");
        OutputException e = assertThrows(OutputException.class, () -> LocalResultStore.open(file.resolve("sub")));
        assertTrue(e.getMessage().startsWith("cannot create output directory"), e.getMessage());
    }

    @Test
    void resultFilesRoundTrip() throws Exception {
        RunSummary s = run(Fixtures.polynomial(VARIANTS.subList(0, 1), 2, 0.05, List.of(4L)), out);
        RunResult written = s.trained().get(0);
        assertEquals(written, RunResultFiles.read(out.resolve("runs/none-seed4.json")));
    }
}
