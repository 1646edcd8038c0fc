package dev.regbench.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A generated instance of a {@link PolynomialSpec}: the true polynomial and its noisy train and test sets.
 * Generation is a pure function of (spec, seed): the same seed gives the same data, bit for bit, on every
 * JVM (it uses {@link java.util.Random}, whose algorithm the Java specification fixes, and separate streams
 * for coefficients, train and test sets).
 *
 * @param spec         what was generated
 * @param seed         the seed it was generated with
 * @param coefficients the true coefficients, constant term first
 * @param trainX       training inputs in [-1, 1]
 * @param trainY       training targets p(x) + ε
 * @param testX        test inputs in [-1, 1]
 * @param testY        test targets p(x) + ε
 */
public record PolynomialTask(PolynomialSpec spec, long seed, List<Double> coefficients, double[] trainX,
                             double[] trainY, double[] testX, double[] testY) {

    /**
     * @param spec the task definition
     * @param seed the task seed (the {@link SeedPurpose#POLYNOMIAL} stream of a suite)
     * @return the generated task
     */
    public static PolynomialTask generate(PolynomialSpec spec, long seed) {
        List<Double> coefficients = spec.coefficients();
        if (coefficients.isEmpty()) {
            Random rng = new Random(Seeds.derive(seed, 0));
            List<Double> drawn = new ArrayList<>();
            for (int i = 0; i <= spec.degree(); i++) {
                drawn.add(rng.nextDouble() * 2 - 1);
            }
            coefficients = List.copyOf(drawn);
        }
        double[] c = coefficients.stream().mapToDouble(Double::doubleValue).toArray();
        double[] trainX = uniform(spec.trainPoints(), new Random(Seeds.derive(seed, 1)));
        double[] testX = uniform(spec.testPoints(), new Random(Seeds.derive(seed, 2)));
        double[] trainY = noisy(c, trainX, spec.noiseStdDev(), new Random(Seeds.derive(seed, 3)));
        double[] testY = noisy(c, testX, spec.noiseStdDev(), new Random(Seeds.derive(seed, 4)));
        return new PolynomialTask(spec, seed, coefficients, trainX, trainY, testX, testY);
    }

    /** @return p(x), evaluated by Horner's rule */
    public double truth(double x) {
        return horner(coefficients.stream().mapToDouble(Double::doubleValue).toArray(), x);
    }

    /** @return the training set as float32 {@code [n, 1]} inputs and targets */
    public Examples train() {
        return examples(trainX, trainY);
    }

    /** @return the test set as float32 {@code [n, 1]} inputs and targets */
    public Examples test() {
        return examples(testX, testY);
    }

    private static Examples examples(double[] x, double[] y) {
        return new Examples(Nd4j.create(toFloat(x), new long[] {x.length, 1}, 'c'),
                Nd4j.create(toFloat(y), new long[] {y.length, 1}, 'c'));
    }

    private static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static double[] uniform(int n, Random rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble() * 2 - 1;
        }
        return x;
    }

    private static double[] noisy(double[] c, double[] x, double sigma, Random rng) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = horner(c, x[i]) + sigma * rng.nextGaussian();
        }
        return y;
    }

    private static double horner(double[] c, double x) {
        double y = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            y = y * x + c[i];
        }
        return y;
    }
}
