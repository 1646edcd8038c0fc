package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The power and probability-of-improvement routines against values computed independently with SciPy 1.17
 * ({@code scipy.stats.nct}, {@code scipy.optimize.brentq} on the two-sided power
 * {@code nct.sf(c, df, ncp) + nct.sf(c, df, -ncp)} with {@code c = t.ppf(1 - a/2, df)}, and
 * {@code binomtest(k, n).proportion_ci(method='wilson')}).
 */
class PowerAndImprovementTest {

    @Test
    void noncentralTMatchesScipy() {
        assertEquals(0.6189289251396548, Power.noncentralTCdf(2.0, 4, 1.5), 1e-8);
        assertEquals(0.07810220220087769, Power.noncentralTCdf(-1.0, 7, 0.5), 1e-8);
        assertEquals(0.3016699672556386, Power.noncentralTCdf(3.5, 2, 4.0), 1e-8);
        assertEquals(0.22524887805853996, Power.noncentralTCdf(2.306, 8, 3.1), 1e-8);
        assertEquals(0.627999468608105, Power.noncentralTCdf(1.5, 1, 0.7), 1e-7);
        assertEquals(0.03184888155829535, Power.noncentralTCdf(-2.0, 1, 1.0), 1e-7);
    }

    @Test
    void minimumDetectableEffectMatchesScipy() {
        assertEquals(0.5317153115100033, Power.mde(8, 0.3, 0.05 / 9), 1e-6);
        assertEquals(11.78813376294913, Power.mde(3, 1.2, 0.05 / 9), 1e-4);
        assertEquals(0.06117350635733341, Power.mde(10, 0.05, 0.05 / 3), 1e-7);
        assertEquals(0.3363993931911111, Power.mde(5, 0.2, 0.05), 1e-6);
        assertEquals(11.54988843588238, Power.mde(2, 1.0, 0.05), 1e-3);
    }

    @Test
    void seedsNeededMatchScipy() {
        assertEquals(122, Power.paired(5, 0.3, 0.1, 0.05 / 9).seedsNeeded());
        assertEquals(34, Power.paired(5, 1.0, -0.5, 0.05).seedsNeeded());
        assertEquals(2359, Power.paired(5, 0.3, 0.02, 0.05 / 3).seedsNeeded());
        assertEquals(0, Power.paired(5, 0.3, 0.0, 0.05).seedsNeeded(), "no observed effect: nothing to detect");
        assertEquals(Double.NaN, Power.paired(1, 0.3, 0.1, 0.05).mde(), "one pair: no spread, no MDE");
    }

    @Test
    void wilsonIntervalMatchesScipy() {
        double[][] cases = {{6, 8, 0.40927543031016883, 0.9285207872478909}, {0, 5, 0.0, 0.43448246478317476},
                {10, 10, 0.7224672001371109, 1.0}, {3, 7, 0.1582198552514697, 0.7495416354723428}};
        for (double[] c : cases) {
            double[] ci = Improvement.wilson(c[0], (int) c[1], 0.95);
            assertEquals(c[2], ci[0], 1e-12, c[0] + "/" + c[1]);
            assertEquals(c[3], ci[1], 1e-12, c[0] + "/" + c[1]);
        }
    }

    @Test
    void improvementCountsLowerAsBetterAndTiesAsHalf() {
        Improvement i = Improvement.of(new double[] {-0.1, -0.2, 0.0, 0.3});
        assertEquals(2.5, i.wins());
        assertEquals(0.625, i.share());
        assertEquals(4, i.n());
    }
}
