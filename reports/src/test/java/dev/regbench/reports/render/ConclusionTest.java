package dev.regbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.Runs;
import dev.regbench.reports.input.Inputs;
import dev.regbench.reports.input.LoadedRun;
import dev.regbench.reports.input.Source;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.Stage;
import dev.regbench.reports.stats.ReportBuilder;
import dev.regbench.reports.stats.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wording follows the numbers: test performance leads; a smaller gap alone is never called an improvement. */
class ConclusionTest {
    /**
     * none and one regularizer over 4 seeds, each given as (train loss, test loss, test error) at the end;
     * errors per seed vary a little so the paired test has spread.
     */
    private static String conclusion(double noneTrain, double noneTest, double noneError, double regTrain,
                                     double regTest, double regError) {
        List<RunResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            double jitter = seed * 0.001;
            runs.add(run("none", seed, noneTrain, noneTest + jitter, noneError + jitter));
            runs.add(run("l2", seed, regTrain, regTest + 2 * jitter, regError + 2 * jitter));
        }
        return conclusion(runs);
    }

    private static String conclusion(List<RunResult> results) {
        Source source = new Source(Path.of("synthetic"));
        List<LoadedRun> runs = results.stream().map(r -> new LoadedRun(source, Path.of("r"), r)).toList();
        Section s = ReportBuilder.build(new Inputs(runs, List.of(), List.of(), List.of()), "now").sections().get(0);
        return String.join(" ", Conclusion.of(s, s.conditions().get(0)));
    }

    private static RunResult run(String name, long seed, double train, double test, double error) {
        return Runs.run(name, Stage.SINGLE, Map.of(), seed, List.of(new Runs.Epoch(2.3, 2.3, 2.3, 0.9, 0.9),
                new Runs.Epoch(train, test, test, error, error)));
    }

    @Test
    void aSmallerGapFromAHigherTrainingLossWithWorseTestErrorIsNotABetterModel() {
        // none: train 0.01, test 0.30 (gap 0.29), error 5 %; l2: train 0.15, test 0.32 (gap 0.17), error 6 %.
        String text = conclusion(0.01, 0.30, 0.05, 0.15, 0.32, 0.06);
        assertTrue(text.contains("worse than none"), text);
        assertTrue(text.contains("Its smaller gap is not a better model: its test error did not improve"), text);
        assertTrue(text.contains("all of the smaller gap comes from a higher training loss"), text);
        assertTrue(text.contains("No regularizer's test error is significantly better than none's after Holm's"), text);
        assertFalse(text.contains("better than none by"), text);
    }

    @Test
    void aLowerTestErrorIsCalledBetterAndItsGapIsNotExplainedAway() {
        // l2: train 0.02, test 0.20, error 3 % vs none 5 %.
        String text = conclusion(0.01, 0.30, 0.05, 0.02, 0.20, 0.03);
        assertTrue(text.contains("l2 (λ = 0.0001): test error 3.50 ± 0.41 %, better than none by 1.750 pp"), text);
        assertTrue(text.contains("Lowest test error with a significant improvement over none: l2"), text);
        assertFalse(text.contains("not a better model"), text);
        assertFalse(text.contains("higher training loss"), text);
    }

    @Test
    void aDifferenceThatIsNotSignificantIsSaidToBeSo() {
        List<RunResult> runs = new ArrayList<>();
        double[] noise = {0.02, -0.03, 0.01, 0.0};
        for (int i = 0; i < 4; i++) {
            runs.add(run("none", i + 1, 0.01, 0.30, 0.05));
            runs.add(run("l2", i + 1, 0.01, 0.30 + noise[i], 0.05 + noise[i]));
        }
        String text = conclusion(runs);
        assertTrue(text.contains("not significantly different from none"), text);
        assertFalse(text.contains("better than none by"), text);
    }
}
