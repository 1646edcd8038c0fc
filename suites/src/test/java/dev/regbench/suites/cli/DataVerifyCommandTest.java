package dev.regbench.suites.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DataFile;
import dev.regbench.datasets.ImageDataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code regbench data verify} on copies of the real MNIST files, intact and damaged. */
class DataVerifyCommandTest {
    @TempDir
    Path root;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RegbenchCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 2];
        full[0] = "data";
        full[1] = "verify";
        System.arraycopy(args, 0, full, 2, args.length);
        return new Result(cli.execute(full), out.toString(), err.toString());
    }

    private DataDirectory copyOfRealMnist() throws Exception {
        DataDirectory real = DataDirectory.resolve(Optional.empty());
        DataDirectory copy = new DataDirectory(root);
        Files.createDirectories(copy.datasetDir(ImageDataset.MNIST));
        for (DataFile f : ImageDataset.MNIST.files()) {
            Path source = real.locate(f).orElseThrow(() -> new AssertionError(
                    "MNIST missing in " + real.root() + ": run scripts/fetch-data.sh mnist"));
            Files.copy(source, copy.datasetDir(ImageDataset.MNIST).resolve(source.getFileName()));
        }
        return copy;
    }

    @Test
    void intactDataPasses() throws Exception {
        copyOfRealMnist();
        Result r = verify("--data-dir", root.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("mnist: OK (4/4 files verified)"), r.out());
        assertTrue(r.out().contains("fashion-mnist: not present"), r.out());
    }

    @Test
    void truncatedFileFailsWithItsNameAndReason() throws Exception {
        DataDirectory dir = copyOfRealMnist();
        Path labels = dir.locate(new DataFile(ImageDataset.MNIST, dev.regbench.datasets.Split.TRAIN,
                dev.regbench.datasets.IdxKind.LABELS)).orElseThrow();
        byte[] bytes = Files.readAllBytes(labels);
        Files.write(labels, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        Result r = verify("--data-dir", root.toString());
        assertEquals(1, r.exitCode());
        String badLine = r.out().lines().filter(l -> l.contains("BAD")).findFirst().orElseThrow();
        assertTrue(badLine.contains(labels.toString()) && badLine.contains("truncated"), badLine);
        assertTrue(r.err().contains("mnist: FAILED (3/4 files verified)"), r.err());
    }

    @Test
    void incompleteDatasetFails() throws Exception {
        DataDirectory dir = copyOfRealMnist();
        try (var files = Files.list(dir.datasetDir(ImageDataset.MNIST))) {
            Files.delete(files.filter(p -> p.getFileName().toString().startsWith("t10k-images")).findFirst()
                    .orElseThrow());
        }
        Result r = verify("--data-dir", root.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("MISSING"), r.out());
    }

    @Test
    void emptyDirectoryAndExplicitAbsentDatasetFail() {
        Result r = verify("--data-dir", root.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no dataset found"), r.err());
        Result f = verify("--data-dir", root.toString(), "--dataset", "fashion-mnist");
        assertEquals(1, f.exitCode());
        assertEquals(2, verify("--dataset", "cifar").exitCode(), "unknown dataset is a usage error");
    }
}
