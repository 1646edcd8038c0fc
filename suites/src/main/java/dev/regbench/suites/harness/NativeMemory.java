package dev.regbench.suites.harness;

/**
 * Gives ND4J's native memory back after a run. ND4J frees an array's native buffer only when the garbage
 * collector collects its Java object, and part of that memory (libnd4j's and DL4J's workspace allocations) is
 * not counted against JavaCPP's {@code maxbytes} limit, so nothing forces a collection: with a heap that is
 * rarely full, the finished runs' networks keep their native memory. Measured on {@code random-labels}
 * (MNIST MLP, 150 epochs per run, AMD EPYC family 25 model 17): resident memory grew by about 1.5 GB per run to
 * 6.5 GB after 4 runs and 11.6 GB over the suite, with tuned and stock layers alike; with a collection after
 * each run it stayed at 1.5–1.7 GB over the first 5 runs (sampled every 5 s), and the whole suite peaked at
 * 4.1 GB instead of 11.6 GB, with bit-identical results. A full collection of the bounded heap takes well under a second, against
 * runs of seconds to minutes ({@code polynomial-path --only none}, 8 runs of about 6 s: 53.0 s with it, 50.7
 * and 53.4 s without).
 */
public final class NativeMemory {
    private NativeMemory() {
    }

    /** Collects the finished run's objects, and with them its native buffers; call between runs. */
    public static void releaseAfterRun() {
        System.gc();
    }
}
