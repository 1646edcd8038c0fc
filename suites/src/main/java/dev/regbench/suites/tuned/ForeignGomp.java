package dev.regbench.suites.tuned;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Optional;

/**
 * libgomp through Java 22+'s final foreign-function API ({@code java.lang.foreign}). regbench is compiled for
 * Java 17, which has no such package, so its types are reached by name and its method handles adapted to
 * {@code Object} where they take a {@code MemorySegment}; the handles themselves are the JDK's, called with
 * {@code invokeExact}. GOMP_parallel's data pointer is declared a 64-bit integer (the region's id): on the LP64
 * platforms ND4J ships for, a pointer and a {@code long} travel in the same register.
 */
final class ForeignGomp implements OmpRegion.Gomp {
    private final MethodHandle maxThreads;
    private final MethodHandle threadNum;
    private final MethodHandle numThreads;
    /** (Object upcall, long id, int threads, int flags)void */
    private final MethodHandle parallel;
    /** The upcall stub (a {@code MemorySegment}), alive for the JVM's life. */
    private final Object entry;

    private ForeignGomp(MethodHandle maxThreads, MethodHandle threadNum, MethodHandle numThreads,
                        MethodHandle parallel, Object entry) {
        this.maxThreads = maxThreads;
        this.threadNum = threadNum;
        this.numThreads = numThreads;
        this.parallel = parallel;
        this.entry = entry;
    }

    /**
     * @param libgomp the path of the libgomp already in the process (looked up by path: the same copy)
     * @return the entry points
     * @throws Throwable if the API, native access or a symbol is missing
     */
    static ForeignGomp create(String libgomp) throws Throwable {
        Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> layout = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descriptor = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> arena = Class.forName("java.lang.foreign.Arena");
        Class<?> symbols = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> option = Class.forName("java.lang.foreign.Linker$Option");
        Object noOptions = Array.newInstance(option, 0);
        Object address = valueLayout.getField("ADDRESS").get(null);
        Object int32 = valueLayout.getField("JAVA_INT").get(null);
        Object int64 = valueLayout.getField("JAVA_LONG").get(null);
        Object global = arena.getMethod("global").invoke(null);
        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object library = symbols.getMethod("libraryLookup", Path.class, arena).invoke(null, Path.of(libgomp), global);
        var find = symbols.getMethod("find", String.class);
        var downcall = linkerType.getMethod("downcallHandle", segment, descriptor, noOptions.getClass());
        var of = descriptor.getMethod("of", layout, layouts(layout).getClass());
        var ofVoid = descriptor.getMethod("ofVoid", layouts(layout).getClass());

        Object intResult = of.invoke(null, int32, layouts(layout));
        MethodHandle[] ints = new MethodHandle[3];
        String[] names = {"omp_get_max_threads", "omp_get_thread_num", "omp_get_num_threads"};
        for (int i = 0; i < names.length; i++) {
            ints[i] = (MethodHandle) downcall.invoke(linker, symbol(find, library, names[i]), intResult, noOptions);
        }
        Object parallelDescriptor = ofVoid.invoke(null, layouts(layout, address, int64, int32, int32));
        MethodHandle parallel = ((MethodHandle) downcall.invoke(linker, symbol(find, library, "GOMP_parallel"),
                parallelDescriptor, noOptions)).asType(MethodType.methodType(void.class, Object.class, long.class,
                int.class, int.class));
        MethodHandle target = MethodHandles.lookup().findStatic(OmpRegion.class, "enter",
                MethodType.methodType(void.class, long.class));
        Object entry = linkerType.getMethod("upcallStub", MethodHandle.class, descriptor, arena, noOptions.getClass())
                .invoke(linker, target, ofVoid.invoke(null, layouts(layout, int64)), global, noOptions);
        return new ForeignGomp(ints[0], ints[1], ints[2], parallel, entry);
    }

    private static Object layouts(Class<?> layout, Object... items) {
        Object array = Array.newInstance(layout, items.length);
        for (int i = 0; i < items.length; i++) {
            Array.set(array, i, items[i]);
        }
        return array;
    }

    private static Object symbol(java.lang.reflect.Method find, Object library, String name) throws Exception {
        Optional<?> found = (Optional<?>) find.invoke(library, name);
        return found.orElseThrow(() -> new IllegalStateException("libgomp has no " + name));
    }

    @Override
    public int maxThreads() throws Throwable {
        return (int) maxThreads.invokeExact();
    }

    @Override
    public int threadNum() throws Throwable {
        return (int) threadNum.invokeExact();
    }

    @Override
    public int numThreads() throws Throwable {
        return (int) numThreads.invokeExact();
    }

    @Override
    public void parallel(long id) throws Throwable {
        parallel.invokeExact(entry, id, 0, 0);
    }
}
