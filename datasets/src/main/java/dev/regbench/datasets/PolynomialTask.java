package dev.regbench.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A generated instance of a {@link PolynomialSpec}: the true polynomial and its noisy training, validation and
 * test sets. Generation is a pure function of (spec, task seed, training seed): the same seeds give the same
 * data, bit for bit, on every JVM (it uses {@link java.util.Random}, whose algorithm the Java specification
 * fixes, with a separate stream for the coefficients, each set's inputs and each set's noise). The coefficients
 * and the validation and test sets depend on the task seed only; the training set on the training seed, which
 * equals the task seed unless the suite draws training data per run ({@link DataDraw#PER_SEED}).
 *
 * @param spec             what was generated
 * @param seed             the task seed (coefficients, validation and test sets)
 * @param trainSeed        the seed of the training set
 * @param coefficients     the true coefficients, constant term first
 * @param trainX           training inputs in [-1, 1]
 * @param trainY           training targets p(x) + ε
 * @param validationX      validation inputs in [-1, 1] (empty if the spec has none)
 * @param validationY      validation targets p(x) + ε
 * @param testX            test inputs in [-1, 1]
 * @param testY            test targets p(x) + ε
 */
public record PolynomialTask(PolynomialSpec spec, long seed, long trainSeed, List<Double> coefficients,
                             double[] trainX, double[] trainY, double[] validationX, double[] validationY,
                             double[] testX, double[] testY) {

    /** Stream salts under a task or training seed; fixed forever (changing one changes every result). */
    private static final long COEFFICIENTS = 0;
    private static final long TRAIN_X = 1;
    private static final long TEST_X = 2;
    private static final long TRAIN_NOISE = 3;
    private static final long TEST_NOISE = 4;
    private static final long VALIDATION_X = 5;
    private static final long VALIDATION_NOISE = 6;

    /**
     * @param spec the task definition
     * @param seed the task seed (the {@link SeedPurpose#POLYNOMIAL} stream of a suite's data seed), also used
     *             for the training set
     * @return the generated task
     */
    public static PolynomialTask generate(PolynomialSpec spec, long seed) {
        return generate(spec, seed, seed);
    }

    /**
     * @param spec      the task definition
     * @param seed      the task seed: coefficients, validation and test sets
     * @param trainSeed the training set's seed (the {@link SeedPurpose#POLYNOMIAL} stream of the run's draw root)
     * @return the generated task
     */
    public static PolynomialTask generate(PolynomialSpec spec, long seed, long trainSeed) {
        List<Double> coefficients = spec.coefficients();
        if (coefficients.isEmpty()) {
            Random rng = new Random(Seeds.derive(seed, COEFFICIENTS));
            List<Double> drawn = new ArrayList<>();
            for (int i = 0; i <= spec.degree(); i++) {
                drawn.add(rng.nextDouble() * 2 - 1);
            }
            coefficients = List.copyOf(drawn);
        }
        double[] c = coefficients.stream().mapToDouble(Double::doubleValue).toArray();
        double sigma = spec.noiseStdDev();
        double[] trainX = uniform(spec.trainPoints(), new Random(Seeds.derive(trainSeed, TRAIN_X)));
        double[] trainY = noisy(c, trainX, sigma, new Random(Seeds.derive(trainSeed, TRAIN_NOISE)));
        double[] validationX = uniform(spec.validationPoints(), new Random(Seeds.derive(seed, VALIDATION_X)));
        double[] validationY = noisy(c, validationX, sigma, new Random(Seeds.derive(seed, VALIDATION_NOISE)));
        double[] testX = uniform(spec.testPoints(), new Random(Seeds.derive(seed, TEST_X)));
        double[] testY = noisy(c, testX, sigma, new Random(Seeds.derive(seed, TEST_NOISE)));
        return new PolynomialTask(spec, seed, trainSeed, coefficients, trainX, trainY, validationX, validationY,
                testX, testY);
    }

    /** @return p(x), evaluated by Horner's rule */
    public double truth(double x) {
        return horner(coefficients.stream().mapToDouble(Double::doubleValue).toArray(), x);
    }

    /** @return the training set as float32 {@code [n, 1]} inputs and targets */
    public Examples train() {
        return examples(trainX, trainY);
    }

    /** @return the validation set as float32 {@code [n, 1]} inputs and targets; null if it is empty */
    public Examples validation() {
        return validationX.length == 0 ? null : examples(validationX, validationY);
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
