package dev.regbench.suites.tuned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Java step's tanh: accurate, odd, the same in every lane width, NaN-propagating. */
class DenseKernelsTest {
    @Test
    void tanhIsWithin3e7OfTheExactValueAndTheVectorAndScalarFormsAgreeBitForBit() {
        int n = 2_000_003; // not a multiple of any lane count: the scalar tail runs too
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -12f + 24f * i / (n - 1);
        }
        float[] y = new float[n];
        DenseKernels.tanh(x, y, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(y[i] - StrictMath.tanh(x[i])));
            assertEquals(Float.floatToIntBits(DenseKernels.tanh(x[i])), Float.floatToIntBits(y[i]), "x = " + x[i]);
            assertEquals(-y[i], DenseKernels.tanh(-x[i]), 0f, "odd at x = " + x[i]);
        }
        assertTrue(worst <= 3e-7, "largest error " + worst);
        assertTrue(worst > 0, "an approximation, not the exact function (the test would be vacuous)");
        assertEquals(1e-5f, DenseKernels.tanh(1e-5f), 0f, "x itself below 4e-4");
        assertEquals(1f, DenseKernels.tanh(50f), 3e-7f, "saturates (to 1 − 2.4e-7: the clamp)");
        assertTrue(Float.isNaN(DenseKernels.tanh(Float.NaN)));
        float[] nan = {Float.NaN, 1f, Float.NaN, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f};
        DenseKernels.tanh(nan, nan, nan.length);
        assertTrue(Float.isNaN(nan[0]) && Float.isNaN(nan[2]), "a diverged activation stays NaN");
    }

    @Test
    void productsAndGradientsAreTheDefiningSums() {
        int rows = 5;
        int nIn = 19; // one full vector of 16 lanes plus a tail on AVX-512, two of 8 plus a tail on AVX2
        int nOut = 21;
        java.util.Random random = new java.util.Random(3);
        float[] a = new float[rows * nIn];
        float[] params = new float[nIn * nOut + nOut + 7];
        float[] delta = new float[rows * nOut];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < delta.length; i++) {
            delta[i] = (float) random.nextGaussian();
        }
        int w = 7; // W column-major at 7, b after it
        int b = w + nIn * nOut;
        float[] wt = new float[nIn * nOut];
        DenseKernels.transpose(params, w, nIn, nOut, wt);
        float[] z = new float[rows * nOut];
        DenseKernels.forward(a, rows, nIn, wt, params, b, nOut, z);
        float[] grad = new float[params.length];
        DenseKernels.parameterGradients(a, delta, rows, nIn, nOut, grad, w, b);
        float[] back = new float[rows * nIn];
        DenseKernels.inputGradient(delta, rows, nIn, nOut, params, w, back);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < nOut; j++) {
                double sum = 0;
                for (int k = 0; k < nIn; k++) {
                    sum += (double) a[i * nIn + k] * params[w + j * nIn + k];
                }
                assertEquals(sum + params[b + j], z[i * nOut + j], 1e-5, "z");
            }
            for (int k = 0; k < nIn; k++) {
                double sum = 0;
                for (int j = 0; j < nOut; j++) {
                    sum += (double) delta[i * nOut + j] * params[w + j * nIn + k];
                }
                assertEquals(sum, back[i * nIn + k], 1e-5, "input gradient");
            }
        }
        for (int j = 0; j < nOut; j++) {
            double bias = 0;
            for (int k = 0; k < nIn; k++) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += (double) a[i * nIn + k] * delta[i * nOut + j];
                }
                assertEquals(sum, grad[w + j * nIn + k], 1e-5, "weight gradient");
            }
            for (int i = 0; i < rows; i++) {
                bias += delta[i * nOut + j];
            }
            assertEquals(bias, grad[b + j], 1e-5, "bias gradient");
        }
    }
}
