package dev.regbench.suites.tuned;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ND4J array's off-heap floats as the JDK's Vector API reads and writes them, whichever form this JDK's API
 * takes: Java 17–19 load and store vectors through {@link ByteBuffer}s ({@code FloatVector.fromByteBuffer}),
 * Java 20 and later through {@code java.lang.foreign.MemorySegment}s ({@code fromMemorySegment}; the buffer
 * methods are gone). regbench is compiled for Java 17, so the segment methods are reached through method handles
 * held in constants, which the JIT inlines like direct calls. Both forms read and write the same bytes in the
 * platform's byte order; single elements (loop tails) go through the buffer on every JDK.
 * <p>
 * One instance per array and kernel call. Offsets are in bytes from the start of the array's buffer.
 */
final class FloatMemory {
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** Whether this JDK's Vector API has the ByteBuffer methods (Java 17–19). */
    private static final boolean BUFFERS = hasBufferMethods();
    /** {@code MemorySegment.ofBuffer(Buffer)}, as (Buffer)Object; null on Java 17–19. */
    private static final MethodHandle SEGMENT;
    /** {@code FloatVector.fromMemorySegment(species, segment, long, order)}, the segment typed Object. */
    private static final MethodHandle LOAD;
    /** {@code vector.intoMemorySegment(segment, long, order)}, the segment typed Object. */
    private static final MethodHandle STORE;

    static {
        MethodHandle segment = null;
        MethodHandle load = null;
        MethodHandle store = null;
        if (!BUFFERS) {
            try {
                Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                segment = lookup.findStatic(segmentType, "ofBuffer", MethodType.methodType(segmentType, Buffer.class))
                        .asType(MethodType.methodType(Object.class, Buffer.class));
                load = lookup.findStatic(FloatVector.class, "fromMemorySegment", MethodType.methodType(
                                FloatVector.class, VectorSpecies.class, segmentType, long.class, ByteOrder.class))
                        .asType(MethodType.methodType(FloatVector.class, VectorSpecies.class, Object.class, long.class,
                                ByteOrder.class));
                store = lookup.findVirtual(FloatVector.class, "intoMemorySegment",
                                MethodType.methodType(void.class, segmentType, long.class, ByteOrder.class))
                        .asType(MethodType.methodType(void.class, FloatVector.class, Object.class, long.class,
                                ByteOrder.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                segment = null; // neither form: available() says so, and the tuned path is not used
                load = null;
                store = null;
            }
        }
        SEGMENT = segment;
        LOAD = load;
        STORE = store;
    }

    private final ByteBuffer buffer;
    private final Object segment;

    private FloatMemory(ByteBuffer buffer) {
        this.buffer = buffer;
        this.segment = BUFFERS ? null : segmentOf(buffer);
    }

    /**
     * @param a a float array (its buffer is read and written where it lies; the CPU backend only)
     * @return its memory
     */
    static FloatMemory of(INDArray a) {
        return new FloatMemory(a.data().asNio().order(ORDER));
    }

    /** @return whether this JDK's Vector API can load and store vectors in off-heap memory in one of the two forms */
    static boolean available() {
        return BUFFERS || LOAD != null;
    }

    /** @return the form in use, for messages: {@code ByteBuffer} or {@code MemorySegment} (or {@code none}) */
    static String form() {
        return BUFFERS ? "ByteBuffer" : LOAD != null ? "MemorySegment" : "none";
    }

    /** @return the buffer's capacity in bytes */
    int capacity() {
        return buffer.capacity();
    }

    /** @return the vector of {@code species} at byte {@code offset} */
    FloatVector load(VectorSpecies<Float> species, int offset) {
        if (BUFFERS) {
            return FloatVector.fromByteBuffer(species, buffer, offset, ORDER);
        }
        try {
            return (FloatVector) LOAD.invokeExact(species, segment, (long) offset, ORDER);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Writes {@code v} at byte {@code offset}. */
    void store(FloatVector v, int offset) {
        if (BUFFERS) {
            v.intoByteBuffer(buffer, offset, ORDER);
            return;
        }
        try {
            STORE.invokeExact(v, segment, (long) offset, ORDER);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** @return the float at byte {@code offset} */
    float get(int offset) {
        return buffer.getFloat(offset);
    }

    /** Writes {@code value} at byte {@code offset}. */
    void put(int offset, float value) {
        buffer.putFloat(offset, value);
    }

    /** Copies {@code count} floats from byte {@code offset} into {@code dst[from …]} (one bulk copy). */
    void read(int offset, float[] dst, int from, int count) {
        buffer.duplicate().position(offset).slice().order(ORDER).asFloatBuffer().get(dst, from, count);
    }

    /** Copies {@code src[from … from + count)} to byte {@code offset} (one bulk copy). */
    void write(int offset, float[] src, int from, int count) {
        buffer.duplicate().position(offset).slice().order(ORDER).asFloatBuffer().put(src, from, count);
    }

    private static Object segmentOf(ByteBuffer buffer) {
        if (SEGMENT == null) {
            throw new IllegalStateException("this JDK's Vector API has neither ByteBuffer nor MemorySegment access");
        }
        try {
            return (Object) SEGMENT.invokeExact((Buffer) buffer);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    private static boolean hasBufferMethods() {
        try {
            FloatVector.class.getMethod("fromByteBuffer", VectorSpecies.class, ByteBuffer.class, int.class,
                    ByteOrder.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
