package dev.regbench.suites.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speed table from known measurements, against values worked out by hand. */
class SpeedRoundsTest {
    private static SpeedRounds.Measurement m(int round, String framework, String reg, double rate) {
        return new SpeedRounds.Measurement(round, 1, framework, reg, framework.equals("pytorch") ? "1 intra-op + 2 BLAS" : "x", rate);
    }

    @Test
    void tableRowsFollowTheRequestedOrderWithRoundPairedRatios() {
        List<SpeedRounds.Measurement> all = List.of(
                m(0, "pytorch", "none", 1), // the thread-configuration probe: not a round, ignored
                m(1, "dl4j-tuned", "l2", 9000), m(1, "dl4j-tuned", "none", 10000), m(1, "pytorch", "none", 10000),
                m(1, "pytorch", "l2", 5000),
                m(2, "dl4j-tuned", "none", 12000), m(2, "pytorch", "none", 10000), m(2, "dl4j-tuned", "l2", 10800),
                m(2, "pytorch", "l2", 5000));
        StringWriter text = new StringWriter();
        SpeedRounds.summarize(all, List.of("none", "l2"), 1_000_000, 200, "test CPU", new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        // none: medians 11,000 vs 10,000; per-round ratios 1.0 and 1.2: geometric mean √1.2 = 1.095, 95 % interval
        // exp(0.09116 ∓ 12.706 · 0.12892 / √2) = [0.34, 3.49]; 6 × 10⁶ × 11,000 = 66 GFLOP/s = 33 % of 200.
        assertTrue(lines[4].startsWith("| none | 11,000 | 10,000 (1 intra-op + 2 BLAS) | 1.10 [0.34, 3.49] | — | — | 66 | 33 % |"), lines[4]);
        // l2: vs PyTorch √(1.8 · 2.16) = 1.97; against none 0.9 in both rounds (no spread: a zero-width interval), PyTorch 0.5.
        assertTrue(lines[5].startsWith("| l2 | 9,900 | 5,000 (1 intra-op + 2 BLAS) | 1.97 ["), lines[5]);
        assertTrue(lines[5].contains("| -10.0 % [-10.0, -10.0] | -50.0 % [-50.0, -50.0] |"), lines[5]);
        assertTrue(lines[0].contains("test CPU") && lines[0].contains("2 rounds"), lines[0]);
    }

    @Test
    void pytorchIsComparedInItsBestThreadConfigurationPerRegularizer() {
        // PyTorch in two configurations every round: for none (2 + 1) has the higher median (11,000 against
        // 9,500), for l2 (1 + 2) does (6,000 against 5,000). Each row pairs DL4J with that configuration's rounds,
        // and PyTorch's l2 is measured against its best none.
        String a = "1 intra-op + 2 BLAS";
        String b = "2 intra-op + 1 BLAS";
        List<SpeedRounds.Measurement> all = List.of(
                new SpeedRounds.Measurement(1, 1, "dl4j-tuned", "none", "x", 11000),
                new SpeedRounds.Measurement(1, 2, "pytorch", "none", a, 9000),
                new SpeedRounds.Measurement(1, 3, "pytorch", "none", b, 11000),
                new SpeedRounds.Measurement(1, 4, "dl4j-tuned", "l2", "x", 9000),
                new SpeedRounds.Measurement(1, 5, "pytorch", "l2", a, 6000),
                new SpeedRounds.Measurement(1, 6, "pytorch", "l2", b, 5000),
                new SpeedRounds.Measurement(2, 1, "dl4j-tuned", "none", "x", 11000),
                new SpeedRounds.Measurement(2, 2, "pytorch", "none", a, 10000),
                new SpeedRounds.Measurement(2, 3, "pytorch", "none", b, 11000),
                new SpeedRounds.Measurement(2, 4, "dl4j-tuned", "l2", "x", 9000),
                new SpeedRounds.Measurement(2, 5, "pytorch", "l2", a, 6000),
                new SpeedRounds.Measurement(2, 6, "pytorch", "l2", b, 5000));
        StringWriter text = new StringWriter();
        SpeedRounds.summarize(all, List.of("none", "l2"), 1_000_000, 200, "test CPU", new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        // none: 11,000 / 11,000 in both rounds; l2: 9,000 / 6,000 = 1.5 in both; PyTorch l2 vs none: 6,000 / 11,000.
        assertTrue(lines[4].startsWith("| none | 11,000 | 11,000 (2 intra-op + 1 BLAS) | 1.00 [1.00, 1.00] |"), lines[4]);
        assertTrue(lines[5].startsWith("| l2 | 9,000 | 6,000 (1 intra-op + 2 BLAS) | 1.50 [1.50, 1.50] |"), lines[5]);
        assertTrue(lines[5].contains("| -18.2 % [-18.2, -18.2] | -45.5 % [-45.5, -45.5] |"), lines[5]);
    }
}
