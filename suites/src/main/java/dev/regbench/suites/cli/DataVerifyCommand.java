package dev.regbench.suites.cli;

import dev.regbench.datasets.DataDirectory;
import dev.regbench.datasets.DatasetFiles;
import dev.regbench.datasets.FileCheck;
import dev.regbench.datasets.ImageDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code regbench data verify}: one line per dataset file (OK, MISSING or BAD with the reason), then one
 * summary line per dataset. Fails if any file is bad, a dataset is incomplete, a dataset asked for by
 * {@code --dataset} is absent, or no dataset is present at all.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks every dataset file against the built-in SHA-256 table and its IDX header.",
                "Exit code 0 if every dataset present is complete and intact, 1 otherwise."})
final class DataVerifyCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $REGBENCH_DATA, else datasets/data).")
    private Path dataDir;

    @Option(names = "--dataset", paramLabel = "NAME", split = ",",
            description = "Only these datasets (mnist, fashion-mnist); each must be present. Default: all.")
    private List<String> datasets;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatasetFiles files = new DatasetFiles(DataDirectory.resolve(Optional.ofNullable(dataDir)));
        List<ImageDataset> selected;
        try {
            selected = datasets == null ? List.of(ImageDataset.values())
                    : datasets.stream().map(String::strip).map(ImageDataset::fromId).toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dataset: " + e.getMessage());
        }
        boolean failed = false;
        int present = 0;
        out.println("data directory " + files.directory().root().toAbsolutePath().normalize());
        for (ImageDataset dataset : selected) {
            List<FileCheck> checks = files.check(dataset);
            long ok = checks.stream().filter(FileCheck::ok).count();
            long missing = checks.stream().filter(c -> c instanceof FileCheck.Missing).count();
            if (missing == checks.size() && datasets == null) {
                out.println(dataset.id() + ": not present (fetch with scripts/fetch-data.sh " + dataset.id() + ")");
                continue;
            }
            present++;
            checks.forEach(c -> out.println("  " + c.describe()));
            if (ok == checks.size()) {
                out.println(dataset.id() + ": OK (" + ok + "/" + checks.size() + " files verified)");
            } else {
                failed = true;
                err.println(dataset.id() + ": FAILED (" + ok + "/" + checks.size()
                        + " files verified); re-fetch with scripts/fetch-data.sh " + dataset.id());
            }
        }
        if (present == 0) {
            err.println("no dataset found in " + files.directory().root() + "; run scripts/fetch-data.sh all");
            return RegbenchCli.USER_ERROR;
        }
        out.flush();
        return failed ? RegbenchCli.USER_ERROR : 0;
    }
}
