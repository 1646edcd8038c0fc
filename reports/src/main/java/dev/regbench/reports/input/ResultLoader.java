package dev.regbench.reports.input;

import dev.regbench.reports.schema.ResultFileException;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code --results} directories: each is either a {@code regbench run} output directory (its
 * {@code runs/} subdirectory is read) or a directory of result files. Every unreadable or schema-violating
 * file becomes a problem line; the others are used.
 */
public final class ResultLoader {
    private ResultLoader() {
    }

    /**
     * @param directories the {@code --results} arguments, in order
     * @param jmhFiles    JMH JSON result files
     * @return the runs and problems
     * @throws InputException if no directory holds a single readable run (nothing to report)
     */
    public static Inputs load(List<Path> directories, List<Path> jmhFiles) throws InputException {
        List<String> problems = new ArrayList<>();
        Map<Path, List<Path>> files = new LinkedHashMap<>();
        Map<Path, List<RunResult>> results = new LinkedHashMap<>();
        for (Path dir : directories) {
            List<Path> readable = new ArrayList<>();
            List<RunResult> read = new ArrayList<>();
            for (Path f : resultFiles(dir, problems)) {
                try {
                    read.add(RunResultFiles.read(f));
                    readable.add(f);
                } catch (ResultFileException e) {
                    problems.add(e.getMessage());
                }
            }
            files.put(dir, readable);
            results.put(dir, read);
        }
        Map<Path, String> labels = labels(results);
        Map<Path, List<LoadedRun>> byDirectory = new LinkedHashMap<>();
        for (Path dir : directories) {
            Source source = new Source(labels.get(dir), dir);
            List<LoadedRun> runs = new ArrayList<>();
            for (int i = 0; i < results.get(dir).size(); i++) {
                runs.add(new LoadedRun(source, files.get(dir).get(i), results.get(dir).get(i)));
            }
            byDirectory.put(dir, runs);
        }
        List<LoadedRun> all = byDirectory.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing((LoadedRun r) -> r.source().label())
                        .thenComparing(r -> r.result().dataset().name())
                        .thenComparingInt(r -> r.result().regularizer().kindRank())
                        .thenComparing(r -> r.result().regularizer().name())
                        .thenComparingLong(r -> r.result().seed()))
                .toList();
        if (all.isEmpty()) {
            throw new InputException("no readable run results in " + directories
                    + (problems.isEmpty() ? " (expected <dir>/runs/*.json written by regbench run)"
                    : "; problems: " + String.join("; ", problems)));
        }
        List<ThroughputMeasurement> throughput = new ArrayList<>();
        for (Path jmh : jmhFiles) {
            try {
                throughput.addAll(JmhResults.read(jmh));
            } catch (InputException e) {
                problems.add(e.getMessage());
            }
        }
        return new Inputs(all, throughput, problems);
    }

    private static List<Path> resultFiles(Path dir, List<String> problems) {
        Path runs = dir.resolve("runs");
        Path where = Files.isDirectory(runs) ? runs : dir;
        if (!Files.isDirectory(where)) {
            problems.add(dir + ": not a directory (give a regbench run --out directory)");
            return List.of();
        }
        try (Stream<Path> s = Files.list(where)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            if (files.isEmpty()) {
                problems.add(dir + ": no run results (*.json) found");
            }
            return files;
        } catch (IOException e) {
            problems.add(dir + ": cannot be listed (" + e.getMessage() + ")");
            return List.of();
        }
    }

    /**
     * {@code <suite> · <backend>} per directory; where two directories would get the same label, each gets its
     * directory name appended.
     */
    private static Map<Path, String> labels(Map<Path, List<RunResult>> results) {
        Map<Path, String> base = new LinkedHashMap<>();
        results.forEach((dir, runs) -> base.put(dir, runs.isEmpty() ? String.valueOf(dir.getFileName())
                : runs.get(0).suite().name() + " · " + runs.get(0).environment().backend()));
        Map<Path, String> labels = new LinkedHashMap<>();
        base.forEach((dir, label) -> {
            boolean shared = base.values().stream().filter(label::equals).count() > 1;
            labels.put(dir, shared ? label + " (" + dir.toAbsolutePath().normalize().getFileName() + ")" : label);
        });
        return labels;
    }
}
