package dev.regbench.suites.cli;

import dev.regbench.reports.schema.EpochMetrics;
import dev.regbench.reports.schema.RunResult;
import dev.regbench.reports.schema.RunStatus;
import dev.regbench.reports.schema.Stage;
import dev.regbench.reports.select.PointChoice;
import dev.regbench.suites.harness.ProgressListener;
import dev.regbench.suites.harness.RunKey;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Progress on the console: on a terminal, one live line per run with a bar, losses and an ETA (redrawn at most
 * ten times a second); in logs and CI, one concise line per epoch for short runs and about
 * {@value #LOG_LINES_PER_RUN} evenly spaced lines for long ones. The ETA assumes the remaining epochs take as
 * long as the epochs so far.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int BAR = 20;
    static final int LOG_LINES_PER_RUN = 20;
    private static final long REDRAW_NANOS = 100_000_000L;
    private long lastDraw;

    private final PrintWriter out;
    private final boolean interactive;
    private final int epochsPerRun;
    private int runIndex;
    private int runTotal;
    private double secondsSoFar;
    private int epochsSoFar;
    private int previousEpoch; // of the current run: evaluations can be evaluateEvery epochs apart

    /**
     * @param out          where to print
     * @param interactive  a terminal (live lines) rather than a log
     * @param epochsPerRun the suite's epochs, for the ETA
     */
    public ConsoleProgress(PrintWriter out, boolean interactive, int epochsPerRun) {
        this.out = out;
        this.interactive = interactive;
        this.epochsPerRun = epochsPerRun;
    }

    @Override
    public void runSkipped(RunKey key, RunResult existing) {
        out.printf(Locale.ROOT, "skip  %-28s already finished (%s)%n", key, existing.status().name().toLowerCase(Locale.ROOT));
        out.flush();
    }

    @Override
    public void stageStarted(Stage stage, int todo, int finished) {
        if (stage != Stage.SINGLE) {
            out.printf(Locale.ROOT, "== stage %s: %d run(s) to train, %d already finished%n", stage.id(), todo, finished);
            out.flush();
        }
    }

    @Override
    public void selectionMade(Map<dev.regbench.suites.suite.DataCondition, Map<String, PointChoice>> selection) {
        selection.forEach((condition, byVariant) -> byVariant.forEach((name, c) -> {
            if (c.scores().size() < 2) {
                return;
            }
            String what = c.chosenScore().map(s -> s.point() + ", " + c.policy().metric().id() + " "
                    + String.format(Locale.ROOT, "%.4f", s.summary().mean())).orElse("nothing (every point diverged)");
            out.printf(Locale.ROOT, "chose %-12s %s%s%n", name, what, selection.size() > 1 ? " (" + condition.describe() + ")" : "");
        }));
        out.flush();
    }

    @Override
    public void runStarted(RunKey key, int index, int total) {
        runIndex = index;
        runTotal = total;
        previousEpoch = 0;
        if (!interactive) {
            out.printf(Locale.ROOT, "run   [%d/%d] %s%n", index, total, key);
            out.flush();
        }
    }

    @Override
    public void epochFinished(RunKey key, EpochMetrics m, int epochs) {
        if (m.epoch() > 0) {
            secondsSoFar += m.trainSeconds() + m.evalSeconds();
            epochsSoFar += m.epoch() - previousEpoch;
            previousEpoch = m.epoch();
        }
        if (!shouldPrint(m.epoch(), epochs)) {
            return;
        }
        String accuracy = m.test().accuracy() == null ? ""
                : String.format(Locale.ROOT, " | test acc %6.2f%%", 100 * m.test().accuracy());
        String speed = m.examplesPerSecond() == null ? ""
                : String.format(Locale.ROOT, " | %,.0f ex/s", m.examplesPerSecond());
        String validation = m.validation() == null ? ""
                : String.format(Locale.ROOT, " | val %.4f", m.validation().loss());
        String metrics = String.format(Locale.ROOT, "train %.4f%s | test %.4f | gap %+.4f%s%s | ETA %s",
                m.train().loss(), validation, orNaN(m.test().loss()), orNaN(m.lossGap()), accuracy, speed, eta(m.epoch(), epochs));
        if (interactive) {
            int filled = epochs == 0 ? BAR : BAR * m.epoch() / epochs;
            out.printf(Locale.ROOT, "\r[%d/%d] %-22s [%s%s] %3d/%d %s\u001b[K", runIndex, runTotal, key,
                    "#".repeat(filled), "-".repeat(BAR - filled), m.epoch(), epochs, metrics);
        } else {
            out.printf(Locale.ROOT, "      %s | epoch %d/%d | %s%n", key, m.epoch(), epochs, metrics);
        }
        out.flush();
    }

    @Override
    public void runFinished(RunKey key, RunResult result) {
        if (interactive) {
            out.println();
        }
        if (result.status() == RunStatus.DIVERGED) {
            out.printf(Locale.ROOT, "DIVERGED %s: %s%n", key, result.failure());
        }
        out.flush();
    }

    private boolean shouldPrint(int epoch, int epochs) {
        if (interactive) {
            long now = System.nanoTime();
            if (epoch != epochs && now - lastDraw < REDRAW_NANOS) {
                return false;
            }
            lastDraw = now;
            return true;
        }
        int every = Math.max(1, epochs / LOG_LINES_PER_RUN);
        return epoch == epochs || epoch % every == 0;
    }

    private String eta(int epoch, int epochs) {
        if (epochsSoFar == 0) {
            return "?";
        }
        long remainingEpochs = (long) (epochs - epoch) + (long) (runTotal - runIndex) * epochsPerRun;
        return duration(secondsSoFar / epochsSoFar * remainingEpochs);
    }

    /**
     * @param seconds a duration
     * @return it for people, e.g. {@code 1h05m} or {@code 42s}
     */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
