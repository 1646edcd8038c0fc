package dev.regbench.suites.harness;

import dev.regbench.reports.schema.Stage;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Point;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs of a suite, stage by stage, without touching data or results: what {@code --dry-run} prints and what
 * {@link SuiteRunner} executes. Within a stage, runs go data condition by condition (training-set size, then label
 * noise), then seed by seed, so that a partial stage already holds comparable results for every regularizer.
 *
 * @param suite the suite (overrides applied)
 */
public record RunPlan(Suite suite) {

    /** The chosen grid point of each (data condition, regularizer), known once the tuning stage is done. */
    public interface Choices {
        /**
         * @param condition a data condition
         * @param variant   a regularizer
         * @return its chosen point, or empty if none could be chosen
         */
        Optional<Point> chosen(DataCondition condition, Variant variant);
    }

    /**
     * @param stage {@link Stage#SINGLE} or {@link Stage#TUNE}: every grid point of every regularizer
     * @return the stage's runs, in execution order
     */
    public List<RunKey> grid(Stage stage) {
        if (stage == Stage.EVAL) {
            throw new IllegalArgumentException("the evaluation stage's runs depend on the choice: use evaluation()");
        }
        List<RunKey> keys = new ArrayList<>();
        for (DataCondition condition : suite.conditions()) {
            for (long seed : suite.seeds().seeds(stage)) {
                for (Variant v : suite.variants()) {
                    for (Point p : v.points()) {
                        keys.add(new RunKey(stage, condition, p, seed));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * @param choices the chosen point of each regularizer
     * @return the evaluation stage's runs (regularizers without a choice are left out), in execution order
     */
    public List<RunKey> evaluation(Choices choices) {
        List<RunKey> keys = new ArrayList<>();
        for (DataCondition condition : suite.conditions()) {
            for (long seed : suite.seeds().seeds(Stage.EVAL)) {
                for (Variant v : suite.variants()) {
                    choices.chosen(condition, v).ifPresent(p -> keys.add(new RunKey(Stage.EVAL, condition, p, seed)));
                }
            }
        }
        return keys;
    }

    /** @return the number of evaluation runs once every regularizer has a choice */
    public int evaluationRuns() {
        return suite.conditions().size() * suite.seeds().seeds(Stage.EVAL).size() * suite.variants().size();
    }

    /** @return the result file of a run, relative to {@code <out>/runs/} */
    public String path(RunKey key) {
        return key.relativePath(suite.trainSizes().size() > 1, suite.task().labelNoise().size() > 1);
    }

    /**
     * @return a few lines describing the grid: stages, training-set sizes, each regularizer's points, seeds and run
     *         counts
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "suite %s: %s, %d epoch(s), batch %d, %s", suite.name(),
                suite.task().datasetName(), suite.epochs(), suite.batchSize(), dataLine()));
        if (suite.trainSizes().size() > 1) {
            lines.add("training-set sizes (each selected and evaluated on its own): " + suite.trainSizes());
        }
        if (suite.task().labelNoise().size() > 1 || suite.task().labelNoise().get(0) > 0) {
            lines.add("label noise (fraction of training labels replaced by random ones; each its own condition): "
                    + suite.task().labelNoise());
        }
        int pointsPerSize = 0;
        for (Variant v : suite.variants()) {
            int points = v.points().size();
            pointsPerSize += points;
            StringBuilder b = new StringBuilder("  " + v.name() + " (" + v.kind().id() + "): ");
            List<String> parts = new ArrayList<>();
            v.axes().forEach((k, s) -> parts.add(k + " " + (s.swept() ? s + " = " + s.valuesText() : s)));
            b.append(parts.isEmpty() ? "no parameters" : String.join("; ", parts));
            b.append(points == 1 ? "" : " -> " + points + " points");
            lines.add(b.toString());
        }
        int sizes = suite.conditions().size();
        int total = 0;
        for (Stage stage : suite.stages()) {
            List<Long> seeds = suite.seeds().seeds(stage);
            int runs = stage == Stage.EVAL ? evaluationRuns() : sizes * pointsPerSize * seeds.size();
            total += runs;
            String what = switch (stage) {
                case SINGLE -> "every configuration";
                case TUNE -> "every grid point, chosen on " + suite.selection().describe();
                case EVAL -> "the chosen point of each regularizer (known after tuning)";
            };
            lines.add(String.format(java.util.Locale.ROOT, "stage %-6s %s x %d seed(s) %s = %d run(s): %s", stage.id(),
                    (stage == Stage.EVAL ? suite.variants().size() + " regularizer(s)"
                            : pointsPerSize + " configuration(s)") + (sizes > 1 ? " x " + sizes + " conditions" : ""),
                    seeds.size(), seeds, runs, what));
        }
        lines.add("total: " + total + " run(s) of " + suite.epochs() + " epoch(s)");
        if (suite.reference() != null) {
            lines.add("reference (printed beside the results): " + String.join(", ", suite.reference().values()
                    .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + " ("
                    + suite.reference().metric().id() + "), from " + suite.reference().citation());
        }
        return lines;
    }

    private String dataLine() {
        String validation = suite.task().validationSize() == 0 ? "no validation set (exploratory)"
                : suite.task().validationSize() + " validation examples";
        return validation + ", training draw " + suite.draw().id() + (suite.exploratory() ? ", exploratory" : "");
    }
}
