package dev.regbench.suites.harness;

import dev.regbench.reports.schema.Environment;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.Stage;
import dev.regbench.reports.select.PointChoice;
import dev.regbench.reports.select.Selector;
import dev.regbench.reports.select.TuningRun;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Point;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.Sweep;
import dev.regbench.suites.suite.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a suite's stages in order. A single-stage suite trains every configuration on every seed. A two-stage
 * suite tunes every grid point on the tuning seeds, chooses each regularizer's point on validation metrics only
 * ({@link Selector}), writes the choice to {@code selection.json}, and re-trains the chosen points on the
 * evaluation seeds. Finished runs with the same configuration are skipped (resume, across both stages); each new
 * result is written as soon as its run ends, so an interruption loses at most the run in progress.
 */
public final class SuiteRunner {
    private final Suite suite;
    private final RunExecutor executor;
    private final Implementation.Choice implementation;
    private final Environment environment;
    private final RunPlan plan;

    /**
     * Runs the suite in this process, one run after another.
     *
     * @param suite          the validated suite (overrides applied)
     * @param data           its data
     * @param implementation the tuned layers (default) or DL4J's stock classes
     * @param environment    recorded in every result; its backend, native build and threads are part of a run's
     *                       identity
     */
    public SuiteRunner(Suite suite, SuiteData data, Implementation.Choice implementation, Environment environment) {
        this(suite, new LocalExecutor(suite, data, implementation, environment), implementation, environment);
    }

    /**
     * @param suite          the validated suite (overrides applied)
     * @param executor       what trains each stage's pending runs
     * @param implementation the tuned layers (default) or DL4J's stock classes (part of a run's identity)
     * @param environment    the environment the runs will have (backend, native build and threads are part of a
     *                       run's identity): this process's, with the threads of the executor's runs
     */
    public SuiteRunner(Suite suite, RunExecutor executor, Implementation.Choice implementation, Environment environment) {
        this.suite = suite;
        this.executor = executor;
        this.implementation = implementation;
        this.environment = environment;
        this.plan = new RunPlan(suite);
    }

    /** @return the plan this runner executes */
    public RunPlan plan() {
        return plan;
    }

    /**
     * @param store    the open output directory
     * @param listener progress events
     * @return what was trained, what was skipped, and what was chosen
     * @throws OutputException if a result cannot be written, or existing results disagree with the suite
     */
    public RunSummary run(ResultStore store, ProgressListener listener) throws OutputException {
        List<RunResult> trained = new ArrayList<>();
        List<RunResult> skipped = new ArrayList<>();
        List<FailedRun> failed = new ArrayList<>();
        Map<DataCondition, Map<String, PointChoice>> selection = Map.of();
        for (Stage stage : suite.stages()) {
            List<RunKey> keys = stage == Stage.EVAL ? plan.evaluation(choices(selection)) : plan.grid(stage);
            StagePlan sp = pending(store, keys);
            sp.finished().forEach(f -> listener.runSkipped(f.key(), f.result()));
            skipped.addAll(sp.finished().stream().map(Finished::result).toList());
            listener.stageStarted(stage, sp.todo().size(), sp.finished().size());
            List<Finished> done = new ArrayList<>(sp.finished());
            RunExecutor.Outcome outcome = verified(executor.execute(sp.todo(), store, plan, listener), store);
            outcome.finished().forEach(f -> trained.add(f.result()));
            done.addAll(outcome.finished());
            failed.addAll(outcome.failed());
            if (stage == Stage.TUNE) {
                if (!outcome.failed().isEmpty()) {
                    break; // choosing on an incomplete grid would bias the choice: a rerun retries the failed runs
                }
                selection = select(done);
                // Choices at the edge of an extendable range: one more step past it, on the tuning seeds, chosen
                // again, until the choice is interior or the extensions are used up (Sweep.extendedPast).
                for (List<RunKey> more = extensions(selection, done); !more.isEmpty(); more = extensions(selection, done)) {
                    StagePlan ext = pending(store, more);
                    ext.finished().forEach(f -> listener.runSkipped(f.key(), f.result()));
                    skipped.addAll(ext.finished().stream().map(Finished::result).toList());
                    listener.stageStarted(stage, ext.todo().size(), ext.finished().size());
                    RunExecutor.Outcome extended = verified(executor.execute(ext.todo(), store, plan, listener), store);
                    extended.finished().forEach(f -> trained.add(f.result()));
                    done.addAll(ext.finished());
                    done.addAll(extended.finished());
                    failed.addAll(extended.failed());
                    if (!extended.failed().isEmpty()) {
                        return new RunSummary(trained, skipped, Map.of(), failed);
                    }
                    selection = select(done);
                }
                grids = grids(done);
                store.saveSelection(SelectionJson.render(suite, selection, grids));
                listener.selectionMade(selection);
            }
        }
        return new RunSummary(trained, skipped, selection, failed);
    }

    /** Per data condition and regularizer name, its grid as tuned: the suite's, with any extensions past an edge. */
    private Map<DataCondition, Map<String, Variant>> grids = Map.of();

    /**
     * @param done the finished tuning runs
     * @return each (condition, regularizer)'s grid: the suite's variant with every axis extended by the values its
     *         tuning runs tried beyond it
     */
    private Map<DataCondition, Map<String, Variant>> grids(List<Finished> done) {
        Map<DataCondition, Map<String, Variant>> out = new LinkedHashMap<>();
        for (DataCondition condition : suite.conditions()) {
            Map<String, Variant> byName = new LinkedHashMap<>();
            for (Variant v : suite.variants()) {
                Variant grid = v;
                for (Finished f : done) {
                    if (f.key().condition().equals(condition) && f.key().point().variant().name().equals(v.name())) {
                        Variant tried = f.key().point().variant();
                        for (String key : tried.axes().keySet()) {
                            if (tried.axes().get(key).values().size() > grid.axes().get(key).values().size()) {
                                grid = grid.withAxis(key, tried.axes().get(key));
                            }
                        }
                    }
                }
                byName.put(v.name(), grid);
            }
            out.put(condition, byName);
        }
        return out;
    }

    /**
     * @param selection the choices so far
     * @param done      the finished tuning runs
     * @return the tuning runs of the next extension step: for every choice at the end of an extendable range, the
     *         grid's points at one more value past that end (every other axis at all its values), on every tuning
     *         seed; empty when no choice sits at an extendable edge
     */
    List<RunKey> extensions(Map<DataCondition, Map<String, PointChoice>> selection, List<Finished> done) {
        Map<DataCondition, Map<String, Variant>> current = grids(done);
        List<RunKey> keys = new ArrayList<>();
        for (DataCondition condition : suite.conditions()) {
            for (Variant base : suite.variants()) {
                PointChoice c = selection.getOrDefault(condition, Map.of()).get(base.name());
                if (c == null || c.chosen().isEmpty()) {
                    continue;
                }
                Variant grid = current.get(condition).get(base.name());
                for (Map.Entry<String, Double> chosen : c.chosen().get().entrySet()) {
                    Optional<Sweep> wider = grid.axes().get(chosen.getKey()).extendedPast(chosen.getValue());
                    if (wider.isEmpty()) {
                        continue;
                    }
                    Variant extended = grid.withAxis(chosen.getKey(), wider.get());
                    double added = wider.get().values().get(wider.get().values().size() - 1);
                    List<Point> points = extended.points().stream()
                            .filter(p -> p.values().get(chosen.getKey()) == added).toList();
                    try {
                        points.forEach(p -> {
                            p.regularizer();
                            p.optimizer(suite.optimizer());
                        });
                    } catch (IllegalArgumentException outOfRange) {
                        continue; // past the parameter's range (a retain probability above 1): the edge stays
                    }
                    for (long seed : suite.seeds().seeds(Stage.TUNE)) {
                        points.forEach(p -> keys.add(new RunKey(Stage.TUNE, condition, p, seed)));
                    }
                    break; // one axis per step; the next step sees the new choice
                }
            }
        }
        return keys;
    }

    /**
     * A run whose result exists.
     *
     * @param key    the run
     * @param result its result
     */
    public record Finished(RunKey key, RunResult result) {
    }

    /**
     * Which runs of a stage are still to do. Checks every existing result before anything is trained.
     *
     * @param todo     runs without a finished result, in execution order
     * @param finished runs already finished with the same configuration
     */
    public record StagePlan(List<RunKey> todo, List<Finished> finished) {
    }

    /**
     * @param store the open output directory
     * @param keys  the runs of a stage
     * @return those to do and those already finished
     * @throws OutputException if an existing result disagrees with the suite's configuration
     */
    public StagePlan pending(ResultStore store, List<RunKey> keys) throws OutputException {
        List<RunKey> todo = new ArrayList<>();
        List<Finished> finished = new ArrayList<>();
        for (RunKey key : keys) {
            Optional<RunResult> existing = store.finished(plan.path(key), identity(key));
            if (existing.isPresent()) {
                finished.add(new Finished(key, existing.get()));
            } else {
                todo.add(key);
            }
        }
        return new StagePlan(todo, finished);
    }

    /**
     * Checks that every result an executor reports is the run that was asked for (a sweep's tasks write and the
     * driver reads back from the store: a file another writer put there must not enter the selection).
     *
     * @throws OutputException naming the first result whose identity differs
     */
    private RunExecutor.Outcome verified(RunExecutor.Outcome outcome, ResultStore store) throws OutputException {
        for (Finished f : outcome.finished()) {
            Optional<String> difference = RunIdentity.of(f.result()).difference(identity(f.key()));
            if (difference.isPresent()) {
                throw new OutputException(store.location(plan.path(f.key())) + " holds a result computed with "
                        + difference.get() + ", not the run just trained (was another writer using "
                        + store.directoryName() + "?); delete it and run again");
            }
        }
        return outcome;
    }

    /** @return the identity a run would have now: what a finished result must match to be resumed */
    RunIdentity identity(RunKey key) {
        return new RunIdentity(suite.effectiveSha256(key.point(), key.condition()), implementation.id(),
                implementation.layout(Trainer.networkSpec(suite, key.condition(), key.point())), environment.backend(), environment.nativeBuild(), SuiteData.dataSha256(suite),
                RunIdentity.Threads.of(environment));
    }

    /**
     * Every run still to do in every stage, for estimates. While the tuning stage is unfinished, the evaluation
     * stage's runs are represented by each regularizer's middle grid point.
     *
     * @param store the open output directory
     * @return the pending runs, in execution order
     * @throws OutputException if an existing result disagrees with the suite's configuration
     */
    public List<RunKey> allPending(ResultStore store) throws OutputException {
        List<RunKey> pending = new ArrayList<>();
        for (Stage stage : suite.stages()) {
            if (stage != Stage.EVAL) {
                pending.addAll(pending(store, plan.grid(stage)).todo());
                continue;
            }
            StagePlan tune = pending(store, plan.grid(Stage.TUNE));
            RunPlan.Choices choices = tune.todo().isEmpty() ? choices(select(tune.finished()))
                    : (condition, v) -> Optional.of(v.representative());
            pending.addAll(pending(store, plan.evaluation(choices)).todo());
        }
        return pending;
    }

    /**
     * @param tuning finished tuning runs
     * @return per data condition and regularizer name, the choice made on validation metrics
     */
    Map<DataCondition, Map<String, PointChoice>> select(List<Finished> tuning) {
        Map<DataCondition, Map<String, PointChoice>> selection = new LinkedHashMap<>();
        for (DataCondition condition : suite.conditions()) {
            Map<String, PointChoice> byCondition = new LinkedHashMap<>();
            for (Variant v : suite.variants()) {
                List<TuningRun> runs = tuning.stream()
                        .filter(f -> f.key().condition().equals(condition)
                                && f.key().point().variant().name().equals(v.name()))
                        .map(f -> TuningRun.of(f.result())).toList();
                if (!runs.isEmpty()) {
                    byCondition.put(v.name(), Selector.choose(suite.selection(), runs));
                }
            }
            selection.put(condition, byCondition);
        }
        return selection;
    }

    private RunPlan.Choices choices(Map<DataCondition, Map<String, PointChoice>> selection) {
        return (condition, v) -> {
            PointChoice c = selection.getOrDefault(condition, Map.of()).get(v.name());
            Variant grid = grids.getOrDefault(condition, Map.of()).getOrDefault(v.name(), v);
            return c == null ? Optional.empty() : chosen(grid, c);
        };
    }

    /**
     * @param v a regularizer
     * @param c its selection
     * @return the point the evaluation stage trains: the chosen one, or the only one of an unswept regularizer
     *         (nothing to choose); empty if every point of a swept regularizer had a diverged tuning run
     */
    static Optional<Point> chosen(Variant v, PointChoice c) {
        return v.swept() ? c.chosen().map(v::point) : Optional.of(v.points().get(0));
    }
}
