package dev.regbench.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minibatches over {@link Examples} already in memory. Each batch is one row gather per array: native
 * ({@link Nd4j#pullRows}), or in Java for small arrays (at most {@value #JAVA_GATHER_LIMIT} floats, row-major),
 * where libnd4j's call (an OpenMP region, 0.1–0.3 ms measured) costs more than a small network's whole step;
 * both copy the same values. Nothing is allocated per example.
 *
 * <p>With shuffling, the order of every epoch is a fresh permutation drawn from one seeded stream: the
 * first epoch's order is drawn at construction and each {@link #reset()} draws the next, so epoch k's order
 * depends only on the seed and k. The last batch of an epoch may be smaller than {@link #batch()}.
 */
public final class MinibatchIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final transient Examples data;
    private final int batchSize;
    private final transient Random shuffler; // null: fixed natural order
    private final int[] order;
    private int cursor;
    private transient DataSetPreProcessor preProcessor;
    /** The arrays' values, for gathers in Java; null where libnd4j gathers. */
    private final transient float[] features;
    private final transient float[] targets;

    /** Arrays up to this many floats are gathered in Java. */
    static final long JAVA_GATHER_LIMIT = 1 << 16;

    private MinibatchIterator(Examples data, int batchSize, Random shuffler) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffler = shuffler;
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffler != null) {
            Permutations.shuffle(order, shuffler);
        }
        this.features = javaGathered(data.features());
        this.targets = javaGathered(data.targets());
    }

    private static float[] javaGathered(INDArray a) {
        return a.length() <= JAVA_GATHER_LIMIT && a.rank() == 2 && a.ordering() == 'c'
                && a.dataType() == DataType.FLOAT ? a.dup('c').data().asFloat() : null;
    }

    /** @return rows {@code rows} of {@code a} (whose values are {@code values}, or null: gather natively) */
    private static INDArray gather(INDArray a, float[] values, int[] rows) {
        if (values == null) {
            return Nd4j.pullRows(a, 1, rows);
        }
        int width = (int) a.size(1);
        float[] out = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(values, rows[r] * width, out, r * width, width);
        }
        return Nd4j.create(out, new long[] {rows.length, width}, 'c');
    }

    /**
     * @param data      the examples
     * @param batchSize examples per batch, ≥ 1
     * @param seed      seed of the shuffling stream
     * @return an iterator that reshuffles every epoch
     */
    public static MinibatchIterator shuffled(Examples data, int batchSize, long seed) {
        return new MinibatchIterator(data, batchSize, new Random(seed));
    }

    /**
     * @param data      the examples
     * @param batchSize examples per batch, ≥ 1
     * @return an iterator in the data's own order (for evaluation)
     */
    public static MinibatchIterator inOrder(Examples data, int batchSize) {
        return new MinibatchIterator(data, batchSize, null);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch finished; call reset()");
        }
        int end = Math.min(order.length, cursor + num);
        DataSet batch;
        if (shuffler == null && cursor == 0 && end == order.length) {
            batch = new DataSet(data.features(), data.targets());
        } else {
            int[] rows = Arrays.copyOfRange(order, cursor, end);
            batch = new DataSet(gather(data.features(), features, rows), gather(data.targets(), targets, rows));
        }
        cursor = end;
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    /** @return the examples this iterates over */
    public Examples data() {
        return data;
    }

    @Override
    public int inputColumns() {
        return data.inputs();
    }

    @Override
    public int totalOutcomes() {
        return data.outputs();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** Batches are cheap gathers from memory: DL4J's asynchronous prefetch thread would only add overhead. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        cursor = 0;
        if (shuffler != null) {
            Permutations.shuffle(order, shuffler);
        }
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
