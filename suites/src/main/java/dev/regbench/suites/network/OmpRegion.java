package dev.regbench.suites.network;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.ResourceScope;

/**
 * Runs Java code on every thread of libnd4j's own OpenMP pool: one {@code GOMP_parallel} region whose body is
 * a Java upcall, through the JDK's incubating foreign linker. The point is the second core during work that
 * is Java-only (the fused update pass): a Java helper thread would compete with libgomp's spinning worker for
 * it, while inside a region that worker does the work itself. Costs about 47 µs per region here (the worker
 * is attached to the JVM for each upcall), so it is for passes of a millisecond or more.
 * <p>
 * Needs {@code --add-modules=jdk.incubator.foreign} and {@code --enable-native-access=ALL-UNNAMED} (which
 * {@code scripts/regbench}, the tests and the JMH forks pass); without them, or without libgomp in the process,
 * {@link #available()} is false and callers run their code on the calling thread. A body's exception is caught
 * on whichever thread threw it and rethrown by {@link #run} after the region (an exception escaping an upcall
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

    private static final Gomp GOMP = load();

    private OmpRegion() {
    }

    /** @return whether regions can run here (module, native access and libgomp present) */
    static boolean available() {
        return GOMP != null;
    }

    /** @return the team size a region started now would have (libgomp's {@code omp_get_max_threads}); 1 if unavailable */
    static int maxThreads() {
        return GOMP == null ? 1 : GOMP.maxThreads();
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
        return elements >= MIN_ELEMENTS && GOMP != null && GOMP.maxThreads() > 1;
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
        GOMP.run(body);
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
        if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isEmpty()) {
            return null;
        }
        try {
            return new Gomp();
        } catch (Throwable e) {
            // No native access (IllegalCallerException), no libgomp mapped, or a missing symbol: not available.
            return null;
        }
    }

    /** The foreign-linker side; only loaded when the module is present. */
    private static final class Gomp {
        private static final int RTLD_LAZY = 1;
        private static final int RTLD_NOLOAD = 4;
        private static final Map<Long, Task> TASKS = new ConcurrentHashMap<>();
        private static final AtomicLong IDS = new AtomicLong();

        /** One region's body and the first failure of any of its threads. */
        private static final class Task {
            final Body body;
            volatile Throwable failure;

            Task(Body body) {
                this.body = body;
            }
        }

        private final MethodHandle threadNum;
        private final MethodHandle numThreads;
        private final MethodHandle parallel;
        private final MethodHandle maxThreads;
        private final MemoryAddress entry;

        Gomp() throws Throwable {
            CLinker c = CLinker.getInstance();
            MethodHandle dlopen = c.downcallHandle(CLinker.systemLookup().lookup("dlopen").orElseThrow(),
                    MethodType.methodType(MemoryAddress.class, MemoryAddress.class, int.class),
                    FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_INT));
            MethodHandle dlsym = c.downcallHandle(CLinker.systemLookup().lookup("dlsym").orElseThrow(),
                    MethodType.methodType(MemoryAddress.class, MemoryAddress.class, MemoryAddress.class),
                    FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER));
            MemoryAddress library;
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                // The libgomp libnd4j already uses (RTLD_NOLOAD: never a second copy with a second pool).
                library = (MemoryAddress) dlopen.invokeExact(CLinker.toCString(libgompPath(), scope).address(),
                        RTLD_LAZY | RTLD_NOLOAD);
            }
            if (library.equals(MemoryAddress.NULL)) {
                throw new IllegalStateException("libgomp is not loaded");
            }
            parallel = c.downcallHandle(symbol(dlsym, library, "GOMP_parallel"),
                    MethodType.methodType(void.class, MemoryAddress.class, MemoryAddress.class, int.class, int.class),
                    FunctionDescriptor.ofVoid(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_INT, CLinker.C_INT));
            MethodType intResult = MethodType.methodType(int.class);
            FunctionDescriptor intDescriptor = FunctionDescriptor.of(CLinker.C_INT);
            maxThreads = c.downcallHandle(symbol(dlsym, library, "omp_get_max_threads"), intResult, intDescriptor);
            threadNum = c.downcallHandle(symbol(dlsym, library, "omp_get_thread_num"), intResult, intDescriptor);
            numThreads = c.downcallHandle(symbol(dlsym, library, "omp_get_num_threads"), intResult, intDescriptor);
            entry = c.upcallStub(MethodHandles.lookup().findStatic(Gomp.class, "enter",
                            MethodType.methodType(void.class, MemoryAddress.class)),
                    FunctionDescriptor.ofVoid(CLinker.C_POINTER), ResourceScope.globalScope());
        }

        private static MemoryAddress symbol(MethodHandle dlsym, MemoryAddress library, String name) throws Throwable {
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                MemoryAddress address = (MemoryAddress) dlsym.invokeExact(library,
                        CLinker.toCString(name, scope).address());
                if (address.equals(MemoryAddress.NULL)) {
                    throw new IllegalStateException("libgomp has no " + name);
                }
                return address;
            }
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

        int maxThreads() {
            try {
                return (int) maxThreads.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        void run(Body body) {
            long id = IDS.incrementAndGet();
            Task task = new Task(body);
            TASKS.put(id, task);
            try {
                parallel.invokeExact(entry, MemoryAddress.ofLong(id), 0, 0);
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

        /** The upcall: runs on every team thread; never lets an exception escape. */
        private static void enter(MemoryAddress data) {
            Task task = TASKS.get(data.toRawLongValue());
            if (task == null) {
                return;
            }
            try {
                task.body.run((int) GOMP.threadNum.invokeExact(), (int) GOMP.numThreads.invokeExact());
            } catch (Throwable e) {
                if (task.failure == null) {
                    task.failure = e;
                }
            }
        }
    }
}
