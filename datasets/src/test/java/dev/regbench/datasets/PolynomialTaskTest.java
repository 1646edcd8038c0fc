package dev.regbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolynomialTaskTest {
    private final PolynomialSpec spec = PolynomialSpec.ofDegree(5, 0.1, 30, 200, 1000);

    @Test
    void sameSeedSameDataBitForBit() {
        PolynomialTask a = PolynomialTask.generate(spec, 42);
        PolynomialTask b = PolynomialTask.generate(spec, 42);
        assertEquals(a.coefficients(), b.coefficients());
        assertArrayEquals(a.trainX(), b.trainX());
        assertArrayEquals(a.trainY(), b.trainY());
        assertArrayEquals(a.testX(), b.testX());
        assertArrayEquals(a.testY(), b.testY());
        assertArrayEquals(a.train().features().toFloatVector(), b.train().features().toFloatVector());
    }

    @Test
    void differentSeedsDifferentData() {
        PolynomialTask a = PolynomialTask.generate(spec, 1);
        PolynomialTask b = PolynomialTask.generate(spec, 2);
        assertFalse(Arrays.equals(a.trainX(), b.trainX()));
        assertFalse(a.coefficients().equals(b.coefficients()));
    }

    @Test
    void pinnedValuesDoNotDriftAcrossVersions() {
        // Guards reproducibility of published results: changing the generator must be a conscious decision.
        PolynomialTask t = PolynomialTask.generate(PolynomialSpec.ofCoefficients(List.of(0.0, 1.0), 0.0, 2, 0, 1), 7);
        assertEquals(t.trainX()[0], t.trainY()[0], 0.0, "noise-free identity polynomial");
        assertEquals(t.trainX()[1], t.trainY()[1], 0.0);
        PolynomialTask u = PolynomialTask.generate(spec, 123);
        assertEquals(6, u.coefficients().size());
        assertEquals(u.truth(0.0), u.coefficients().get(0), 0.0);
    }

    @Test
    void inputsInRangeAndSizesAsConfigured() {
        PolynomialTask t = PolynomialTask.generate(spec, 3);
        assertEquals(30, t.train().size());
        assertEquals(1000, t.test().size());
        for (double x : t.testX()) {
            assertTrue(x >= -1 && x <= 1, "x = " + x);
        }
    }

    @Test
    void residualsHaveTheConfiguredNoiseLevel() {
        PolynomialSpec noisy = PolynomialSpec.ofCoefficients(List.of(0.5, -1.0, 0.0, 2.0), 0.3, 100, 0, 20_000);
        PolynomialTask t = PolynomialTask.generate(noisy, 9);
        double sum = 0;
        double sumSq = 0;
        int n = t.testX().length;
        for (int i = 0; i < n; i++) {
            double r = t.testY()[i] - t.truth(t.testX()[i]);
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / n;
        double sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
        // Standard error of a sample sd is about sigma / sqrt(2n) = 0.0015 here; allow 4 of them.
        assertEquals(0.3, sd, 0.006);
        assertEquals(0.0, mean, 4 * 0.3 / Math.sqrt(n));
    }

    @Test
    void validationIsItsOwnFixedStreamAndTheTrainingDrawVariesAlone() {
        PolynomialTask fixed = PolynomialTask.generate(spec, 42);
        PolynomialTask drawn = PolynomialTask.generate(spec, 42, 7);
        assertEquals(200, fixed.validationX().length);
        assertArrayEquals(fixed.validationX(), drawn.validationX(), "validation depends on the task seed only");
        assertArrayEquals(fixed.validationY(), drawn.validationY());
        assertArrayEquals(fixed.testX(), drawn.testX(), "test depends on the task seed only");
        assertArrayEquals(fixed.testY(), drawn.testY());
        assertEquals(fixed.coefficients(), drawn.coefficients());
        assertFalse(Arrays.equals(fixed.trainX(), drawn.trainX()), "another training seed, other points");
        assertFalse(Arrays.equals(fixed.validationX(), fixed.testX()), "validation is not a copy of test");
        assertFalse(Arrays.equals(Arrays.copyOf(fixed.trainX(), 30), Arrays.copyOf(fixed.validationX(), 30)));
        PolynomialTask none = PolynomialTask.generate(PolynomialSpec.ofDegree(5, 0.1, 30, 0, 1000), 42);
        assertEquals(null, none.validation());
        assertArrayEquals(fixed.testX(), none.testX(), "the validation size does not move the test set");
        assertArrayEquals(fixed.trainX(), none.trainX(), "nor the training set");
    }

    @Test
    void truthUsesConstantTermFirst() {
        PolynomialTask t = PolynomialTask.generate(PolynomialSpec.ofCoefficients(List.of(1.0, 2.0, 3.0), 0, 1, 0, 1), 0);
        assertEquals(1 + 2 * 0.5 + 3 * 0.25, t.truth(0.5), 1e-15);
    }

    @Test
    void invalidSpecsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolynomialSpec.ofDegree(3, -0.1, 30, 200, 1000));
        assertTrue(e.getMessage().startsWith("polynomial.noiseStdDev"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PolynomialSpec.ofDegree(3, 0.1, 0, 200, 1000));
        assertTrue(e.getMessage().startsWith("polynomial.trainPoints"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialSpec(List.of(1.0, 2.0), 5, 0.1, 30, 200, 1000));
        assertTrue(e.getMessage().startsWith("polynomial.degree 5 disagrees"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PolynomialSpec.ofCoefficients(List.of(Double.NaN), 0.1, 30, 200, 1000));
        assertTrue(e.getMessage().startsWith("polynomial.coefficients"), e.getMessage());
    }
}
