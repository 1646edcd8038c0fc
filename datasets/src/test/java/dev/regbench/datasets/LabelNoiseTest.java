package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LabelNoiseTest {
    private static int[] labels(int n) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = (i * 7) % 10;
        }
        return c;
    }

    @Test
    void replacesExactlyTheFractionAndCountsWhatChanged() {
        int[] truth = labels(10_000);
        for (double f : new double[] {0, 0.2, 0.5, 1}) {
            LabelNoise noise = LabelNoise.apply(truth, 10, f, 42);
            assertEquals(Math.round(f * truth.length), noise.replaced(), "f = " + f);
            int differ = 0;
            for (int i = 0; i < truth.length; i++) {
                differ += noise.classes()[i] != truth[i] ? 1 : 0;
            }
            assertEquals(differ, noise.changed(), "changed counts the labels that differ");
            // a replaced label is uniform over 10 classes: it keeps the true one with probability 1/10
            double expectedChanged = noise.replaced() * 0.9;
            assertTrue(Math.abs(differ - expectedChanged) <= 4 * Math.sqrt(noise.replaced() * 0.09) + 1e-9,
                    "f = " + f + ": " + differ + " changed, expected about " + expectedChanged);
        }
        assertArrayEquals(labels(10_000), truth, "the true labels are not modified");
    }

    @Test
    void randomLabelsAreUniformOverTheClasses() {
        int[] noisy = LabelNoise.apply(labels(20_000), 10, 1.0, 7).classes();
        int[] counts = new int[10];
        for (int c : noisy) {
            counts[c]++;
        }
        // chi-square with 9 degrees of freedom; 27.88 is its 0.999 quantile (independently tabulated)
        double chi2 = Arrays.stream(counts).mapToDouble(c -> (c - 2000.0) * (c - 2000.0) / 2000.0).sum();
        assertTrue(chi2 < 27.88, "chi-square " + chi2 + " for counts " + Arrays.toString(counts));
    }

    @Test
    void theSeedFixesTheNoise() {
        int[] truth = labels(1000);
        assertArrayEquals(LabelNoise.apply(truth, 10, 0.5, 3).classes(), LabelNoise.apply(truth, 10, 0.5, 3).classes());
        assertNotEquals(Arrays.toString(LabelNoise.apply(truth, 10, 0.5, 3).classes()),
                Arrays.toString(LabelNoise.apply(truth, 10, 0.5, 4).classes()));
        assertThrows(IllegalArgumentException.class, () -> LabelNoise.apply(truth, 10, 1.5, 3));
    }
}
