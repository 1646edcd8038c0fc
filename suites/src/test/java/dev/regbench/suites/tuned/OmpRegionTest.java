package dev.regbench.suites.tuned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Java bodies on libnd4j's OpenMP threads (Surefire passes the foreign linker and native access). */
class OmpRegionTest {
    @Test
    void everyPoolThreadRunsTheBodyOnceAndFailuresComeBack() {
        Nd4j.create(2, 2); // loads libnd4j and its libgomp
        assertTrue(OmpRegion.available(), "Surefire's argLine has --add-modules jdk.incubator.foreign and native access");
        int threads = OmpRegion.maxThreads();
        assertTrue(threads >= 1);
        AtomicIntegerArray calls = new AtomicIntegerArray(threads);
        Thread caller = Thread.currentThread();
        AtomicIntegerArray onCaller = new AtomicIntegerArray(threads);
        for (int region = 0; region < 50; region++) {
            OmpRegion.run((thread, team) -> {
                assertEquals(threads, team);
                calls.incrementAndGet(thread);
                if (Thread.currentThread() == caller) {
                    onCaller.incrementAndGet(thread);
                }
            });
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(50, calls.get(t), "thread " + t);
        }
        assertEquals(50, onCaller.get(0), "thread 0 is the caller itself");
        for (int t = 1; t < threads; t++) {
            assertEquals(0, onCaller.get(t), "thread " + t + " is a pool thread (attached to the JVM per region)");
        }

        IllegalArgumentException thrown = new IllegalArgumentException("from a pool thread");
        IllegalArgumentException caught = assertThrows(IllegalArgumentException.class, () -> OmpRegion.run((thread, team) -> {
            if (thread == team - 1) {
                throw thrown;
            }
        }));
        assertSame(thrown, caught, "rethrown on the caller after the region; the JVM lives on");
    }
}
