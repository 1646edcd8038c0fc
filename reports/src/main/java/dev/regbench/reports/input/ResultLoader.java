package dev.regbench.reports.input;

import dev.regbench.reports.schema.ResultFileException;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunResultFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code --results} directories: each is either a {@code regbench run} output directory (every
 * {@code *.json} under its {@code runs/} subdirectory is read, stages and training-set sizes included) or a
 * directory of result files. Every unreadable or schema-violating file becomes a problem line; so does a
 * duplicate — a second result for the same configuration, stage, regularizer, grid point, training-set size
 * and seed — which is left out rather than averaged in. A directory given twice is read once.
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
        List<LoadedRun> all = new ArrayList<>();
        Set<Path> seenDirectories = new HashSet<>();
        Map<String, Path> identities = new HashMap<>();
        Map<Integer, Set<String>> newerFields = new java.util.TreeMap<>();
        Map<Integer, Integer> newerFiles = new java.util.TreeMap<>();
        for (Path dir : directories) {
            if (!seenDirectories.add(canonical(dir))) {
                problems.add(dir + ": given twice with --results; read once");
                continue;
            }
            Source source = new Source(dir);
            for (Path f : resultFiles(dir, problems)) {
                RunResult r;
                try {
                    RunResultFiles.Loaded loaded = RunResultFiles.load(f);
                    r = loaded.result();
                    if (!loaded.ignored().isEmpty()) {
                        newerFields.computeIfAbsent(loaded.minor(), k -> new java.util.TreeSet<>()).addAll(loaded.ignored());
                        newerFiles.merge(loaded.minor(), 1, Integer::sum);
                    }
                } catch (ResultFileException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                String identity = canonical(dir) + "\u0000" + identity(r);
                Path earlier = identities.putIfAbsent(identity, f);
                if (earlier != null) {
                    problems.add(f + ": duplicate of " + earlier + " (same configuration, stage, regularizer, point, "
                            + "training-set size, label noise and seed); left out");
                    continue;
                }
                all.add(new LoadedRun(source, f, r));
            }
        }
        if (all.isEmpty()) {
            throw new InputException("no readable run results in " + directories
                    + (problems.isEmpty() ? " (expected <dir>/runs/**/*.json written by regbench run)"
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
        List<String> notes = new ArrayList<>();
        newerFields.forEach((minor, fields) -> notes.add(String.format(java.util.Locale.ROOT, "%d result file(s) were "
                + "written by a newer regbench (schema %d.%d; this one reads %d.%d): their fields %s are ignored",
                newerFiles.get(minor), RunResult.SCHEMA_VERSION, minor, RunResult.SCHEMA_VERSION,
                RunResult.SCHEMA_MINOR, String.join(", ", fields))));
        return new Inputs(all, throughput, problems, notes);
    }

    /** @return what makes a run unique within one results directory */
    static String identity(RunResult r) {
        return String.join("\u0000", r.suite().experimentSha256(), r.stage().id(), r.regularizer().name(),
                r.point().toString(), Integer.toString(r.dataset().trainSize()),
                Double.toString(r.dataset().labelNoiseOrZero()), Long.toString(r.seed()));
    }

    private static Path canonical(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    private static List<Path> resultFiles(Path dir, List<String> problems) {
        Path runs = dir.resolve("runs");
        Path where = Files.isDirectory(runs) ? runs : dir;
        if (!Files.isDirectory(where)) {
            problems.add(dir + ": not a directory (give a regbench run --out directory)");
            return List.of();
        }
        try (Stream<Path> s = Files.walk(where)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().equals("selection.json")) // regbench run's, not a run
                    .sorted().toList();
            if (files.isEmpty()) {
                problems.add(dir + ": no run results (*.json) found");
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            problems.add(dir + ": cannot be listed (" + e.getMessage() + ")");
            return List.of();
        }
    }
}
