package dev.regbench.suites.harness;

import dev.regbench.reports.schema.WeightHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.regbench.suites.network.FloatValues;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Norms and sparsity of a network's weight matrices (DL4J parameter keys ending in {@code W}; biases are
 * excluded, as they are from the default penalties). Accumulates in double precision.
 *
 * @param l1               Σ|w|
 * @param l2               √Σw²
 * @param nearZeroFraction fraction of weights with |w| &lt; {@link #NEAR_ZERO}, in [0, 1]
 * @param maxUnitNorm      the largest L2 norm of any unit's incoming weight vector (a column of a layer's
 *                         W [nIn, nOut]) over all layers: what a max-norm constraint bounds
 * @param count            number of weights
 * @param finite           false if any weight is NaN or infinite
 */
public record WeightStats(double l1, double l2, double nearZeroFraction, double maxUnitNorm, long count,
                          boolean finite) {
    /** Threshold below which a weight counts as (near) zero: L1's sparsity. */
    public static final double NEAR_ZERO = 1e-3;
    /** Histogram range, in log10|w|. */
    public static final double HISTOGRAM_LOG10_MIN = -6;
    /** Histogram range, in log10|w|. */
    public static final double HISTOGRAM_LOG10_MAX = 1;
    /** Histogram bins (0.1 decade each). */
    public static final int HISTOGRAM_BINS = 70;

    /** @return the statistics of {@code net}'s current weights */
    public static WeightStats of(MultiLayerNetwork net) {
        double l1 = 0;
        double sumSquares = 0;
        long nearZero = 0;
        long count = 0;
        boolean finite = true;
        double maxUnitSquares = 0;
        for (INDArray matrix : weightMatrices(net)) {
            int inputs = (int) matrix.size(0);
            int units = (int) matrix.size(1);
            float[] w = FloatValues.of(matrix, 'f'); // w[j·inputs + i]: input i -> unit j
            double[] unitSquares = new double[units];
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < units; j++) {
                    float v = w[j * inputs + i];
                    double a = Math.abs((double) v);
                    l1 += a;
                    sumSquares += a * a;
                    unitSquares[j] += a * a;
                    if (a < NEAR_ZERO) {
                        nearZero++;
                    }
                    if (!Float.isFinite(v)) {
                        finite = false;
                    }
                }
                count += units;
            }
            for (double u : unitSquares) {
                maxUnitSquares = Math.max(maxUnitSquares, u);
            }
        }
        return new WeightStats(l1, Math.sqrt(sumSquares), count == 0 ? 0 : (double) nearZero / count,
                Math.sqrt(maxUnitSquares), count, finite);
    }

    /** @return the histogram of log10|w| over all weights of {@code net} */
    public static WeightHistogram histogram(MultiLayerNetwork net) {
        long[] bins = new long[HISTOGRAM_BINS];
        long below = 0;
        long total = 0;
        double width = (HISTOGRAM_LOG10_MAX - HISTOGRAM_LOG10_MIN) / HISTOGRAM_BINS;
        for (float[] w : weights(net)) {
            for (float v : w) {
                double a = Math.abs((double) v);
                total++;
                double log = a == 0 ? Double.NEGATIVE_INFINITY : Math.log10(a);
                if (log < HISTOGRAM_LOG10_MIN) {
                    below++;
                } else {
                    bins[Math.min(HISTOGRAM_BINS - 1, (int) ((log - HISTOGRAM_LOG10_MIN) / width))]++;
                }
            }
        }
        List<Long> counts = new ArrayList<>();
        for (long b : bins) {
            counts.add(b);
        }
        return new WeightHistogram(HISTOGRAM_LOG10_MIN, HISTOGRAM_LOG10_MAX, below, counts, total);
    }

    private static List<float[]> weights(MultiLayerNetwork net) {
        return weightMatrices(net).stream().map(w -> w.ravel().toFloatVector()).toList();
    }

    /** @return every layer's weight matrix W, shape [nIn, nOut] (DL4J's dense layout) */
    private static List<INDArray> weightMatrices(MultiLayerNetwork net) {
        List<INDArray> weights = new ArrayList<>();
        for (Map.Entry<String, INDArray> p : net.paramTable().entrySet()) {
            if (p.getKey().endsWith("W")) {
                weights.add(p.getValue());
            }
        }
        return weights;
    }
}
