package dev.regbench.suites.tuned;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.ResourceScope;

/**
 * libgomp through Java 17's incubating foreign linker ({@code jdk.incubator.foreign}); loaded only where that
 * module is in the boot layer ({@link OmpRegion}).
 */
final class IncubatorGomp implements OmpRegion.Gomp {
    private static final int RTLD_LAZY = 1;
    private static final int RTLD_NOLOAD = 4;

    private final MethodHandle threadNum;
    private final MethodHandle numThreads;
    private final MethodHandle parallel;
    private final MethodHandle maxThreads;
    private final MemoryAddress entry;

    /** @param libgomp the path of the libgomp already in the process */
    IncubatorGomp(String libgomp) throws Throwable {
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
            library = (MemoryAddress) dlopen.invokeExact(CLinker.toCString(libgomp, scope).address(),
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
        entry = c.upcallStub(MethodHandles.lookup().findStatic(IncubatorGomp.class, "enter",
                        MethodType.methodType(void.class, MemoryAddress.class)),
                FunctionDescriptor.ofVoid(CLinker.C_POINTER), ResourceScope.globalScope());
    }

    private static MemoryAddress symbol(MethodHandle dlsym, MemoryAddress library, String name) throws Throwable {
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            MemoryAddress address = (MemoryAddress) dlsym.invokeExact(library, CLinker.toCString(name, scope).address());
            if (address.equals(MemoryAddress.NULL)) {
                throw new IllegalStateException("libgomp has no " + name);
            }
            return address;
        }
    }

    /** The upcall: the region's id travels as GOMP_parallel's data pointer. */
    private static void enter(MemoryAddress data) {
        OmpRegion.enter(data.toRawLongValue());
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
        parallel.invokeExact(entry, MemoryAddress.ofLong(id), 0, 0);
    }
}
