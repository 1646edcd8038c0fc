package dev.regbench.suites.tuned;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs Java code on every thread of libnd4j's own OpenMP pool: one {@code GOMP_parallel} region whose body is
 * a Java upcall. The point is the second core during work that is Java-only (the fused update pass): a Java
 * helper thread would compete with libgomp's spinning worker for it, while inside a region that worker does the
 * work itself. Costs about 47 µs per region here (the worker is attached to the JVM for each upcall), so it is
 * for passes of a millisecond or more. Measured worth it: the MNIST MLP's training step is 1.17× faster with
 * the region than with the pass on one thread ({@code regbench compare-builds}, 40 paired rounds, AMD EPYC
 * family 25 model 17; docs/performance.md).
 * <p>
 * The upcall needs the JDK's foreign-function API: Java 22+'s final {@code java.lang.foreign}
 * ({@link ForeignGomp}), or Java 17's incubator {@code jdk.incubator.foreign} ({@link IncubatorGomp}, with
 * {@code --add-modules=jdk.incubator.foreign}); both with {@code --enable-native-access=ALL-UNNAMED}, which
 * {@code scripts/regbench}, the tests and the JMH forks pass. Java 18–21 have neither in a usable form; there,
 * without the options, or without libgomp in the process, {@link #available()} is false and callers run their
 * code on the calling thread (the same results: the passes are element-wise). A body's exception is caught on
 * whichever thread threw it and rethrown by {@link #run} after the region (an exception escaping an upcall
 * would end the JVM).
 */
final class OmpRegion {
    /** Work for one region: called once on every pool thread. */
    interface Body {
        /**
         * @param thread  this thread's number in the team, 0 = the calling thread
         * @param threads the team's size (≥ 1)
         */
        void run(int thread, int threads);
    }

    /** libgomp's entry points, through one of the JDK's foreign-function APIs. */
    interface Gomp {
        /** @return {@code omp_get_max_threads()} */
        int maxThreads() throws Throwable;

        /** @return {@code omp_get_thread_num()} */
        int threadNum() throws Throwable;

        /** @return {@code omp_get_num_threads()} */
        int numThreads() throws Throwable;

        /** {@code GOMP_parallel(upcall, id, 0, 0)}: calls {@link OmpRegion#enter}(id) on every team thread. */
        void parallel(long id) throws Throwable;
    }

    private static final Map<Long, Task> TASKS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private static final Gomp GOMP = load();

    /** One region's body and the first failure of any of its threads. */
    private static final class Task {
        final Body body;
        volatile Throwable failure;

        Task(Body body) {
            this.body = body;
        }
    }

    private OmpRegion() {
    }

    /** @return whether regions can run here (foreign-function API, native access and libgomp present) */
    static boolean available() {
        return GOMP != null;
    }

    /** @return which API runs the regions: {@code java.lang.foreign}, {@code jdk.incubator.foreign} or {@code none} */
    static String api() {
        return GOMP instanceof ForeignGomp ? "java.lang.foreign" : GOMP != null ? "jdk.incubator.foreign" : "none";
    }

    /** @return the team size a region started now would have (libgomp's {@code omp_get_max_threads}); 1 if unavailable */
    static int maxThreads() {
        if (GOMP == null) {
            return 1;
        }
        try {
            return GOMP.maxThreads();
        } catch (Throwable e) {
            throw new IllegalStateException("omp_get_max_threads failed", e);
        }
    }

    /**
     * Below this many elements a pass runs on the calling thread: a region costs about 47 µs, a fused update
     * pass over the MNIST MLP's 1.86 M parameters about 900 µs on one core.
     */
    static final long MIN_ELEMENTS = 262_144;

    /**
     * @param elements the elements a pass would cover
     * @return whether to run it in a region: regions are available, the team has more than one thread, and the
     *         pass is long enough ({@value #MIN_ELEMENTS} elements) to pay for the region
     */
    static boolean worthwhile(long elements) {
        return elements >= MIN_ELEMENTS && GOMP != null && maxThreads() > 1;
    }

    /**
     * Runs {@code body} on every thread of a new OpenMP team and returns when all have finished.
     *
     * @param body the work
     * @throws IllegalStateException if regions are unavailable
     * @throws RuntimeException      the first exception a thread's body threw (errors are rethrown as they are)
     */
    static void run(Body body) {
        if (GOMP == null) {
            throw new IllegalStateException("OpenMP regions are unavailable in this JVM");
        }
        long id = IDS.incrementAndGet();
        Task task = new Task(body);
        TASKS.put(id, task);
        try {
            GOMP.parallel(id);
        } catch (Throwable e) {
            throw new IllegalStateException("GOMP_parallel failed", e);
        } finally {
            TASKS.remove(id);
        }
        Throwable failure = task.failure;
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** The upcall's Java side: runs on every team thread; never lets an exception escape. */
    static void enter(long id) {
        Task task = TASKS.get(id);
        if (task == null) {
            return;
        }
        try {
            task.body.run(GOMP.threadNum(), GOMP.numThreads());
        } catch (Throwable e) {
            if (task.failure == null) {
                task.failure = e;
            }
        }
    }

    /**
     * The share of one thread when {@code length} elements are cut into {@code threads} contiguous parts that
     * start at multiples of {@value #ALIGN} elements (64-byte lines, whole vectors); the same cut for the same
     * length every time, so that a pass reads the part the same thread wrote in an earlier one.
     *
     * @return {start, end}, possibly empty
     */
    static long[] share(long length, int thread, int threads) {
        long part = (length / threads + ALIGN - 1) / ALIGN * ALIGN;
        long start = Math.min(length, thread * part);
        long end = thread == threads - 1 ? length : Math.min(length, start + part);
        return new long[] {start, Math.max(start, end)};
    }

    private static final long ALIGN = 64;

    private static Gomp load() {
        try {
            if (Runtime.version().feature() >= 22) {
                return ForeignGomp.create(libgompPath());
            }
            if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isPresent()) {
                return new IncubatorGomp(libgompPath());
            }
        } catch (Throwable e) {
            // No native access, no libgomp mapped, a missing symbol or an API of another shape: not available.
        }
        return null;
    }

    /** @return the path of the libgomp mapped into this process (ND4J's bundled one) */
    private static String libgompPath() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.endsWith("/libgomp.so.1")) {
                return line.substring(slash);
            }
        }
        throw new IllegalStateException("no libgomp.so.1 in /proc/self/maps");
    }
}
