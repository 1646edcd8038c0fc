package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.suites.harness.OutputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep lock on a local output directory, with real files and threads: exactly one of several drivers
 * racing for it gets it, a held lock refuses the next one with one line, and a released one can be taken again.
 */
class SweepLockTest {
    @TempDir
    Path dir;

    @Test
    void ofDriversRacingForOneDirectoryExactlyOneHoldsItAtATime() throws Exception {
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 40; round++) {
                Path out = dir.resolve("race" + round);
                List<HadoopResultStore> stores = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    stores.add(HadoopResultStore.open(out.toString(), new Configuration()));
                }
                CyclicBarrier start = new CyclicBarrier(racers);
                AtomicInteger holders = new AtomicInteger();
                AtomicInteger maxHolders = new AtomicInteger();
                List<Future<SweepLock>> taken = new ArrayList<>();
                for (HadoopResultStore store : stores) {
                    taken.add(pool.submit(() -> {
                        start.await();
                        try {
                            SweepLock lock = SweepLock.acquire(store);
                            maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                            Thread.sleep(5); // hold it while the others try
                            return lock;
                        } catch (OutputException refused) {
                            assertTrue(refused.getMessage().contains(" is in use by ") // the winner may not have written its line yet
                                    || refused.getMessage().contains("at the same moment"), refused.getMessage());
                            return null;
                        }
                    }));
                }
                int winners = 0;
                for (Future<SweepLock> f : taken) {
                    SweepLock lock = f.get(30, TimeUnit.SECONDS);
                    if (lock != null) {
                        winners++;
                        lock.close();
                    }
                }
                assertEquals(1, maxHolders.get(), "round " + round + ": drivers holding the lock at once");
                assertTrue(winners >= 1, "round " + round + ": nobody got the lock");
                for (HadoopResultStore store : stores) {
                    store.close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHeldLockRefusesTheNextDriverAndAReleasedOneIsTakenAgain() throws Exception {
        Path out = dir.resolve("held");
        try (HadoopResultStore first = HadoopResultStore.open(out.toString(), new Configuration());
             HadoopResultStore second = HadoopResultStore.open(out.toString(), new Configuration())) {
            SweepLock held = SweepLock.acquire(first);
            OutputException refused = assertThrows(OutputException.class, () -> SweepLock.acquire(second));
            assertTrue(refused.getMessage().contains(out.toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("is in use by regbench sweep on host"), refused.getMessage());
            assertTrue(refused.getMessage().contains(Long.toString(ProcessHandle.current().pid())),
                    "names the holder: " + refused.getMessage());
            assertEquals(1, refused.getMessage().lines().count());
            held.close();
            SweepLock.acquire(second).close();
        }
    }

    @Test
    void aLockFileLeftByAKilledDriverDoesNotBlock() throws Exception {
        Path out = dir.resolve("stale");
        Files.createDirectories(out);
        // What a driver killed with SIGKILL leaves: the file, with no process holding it.
        Files.writeString(out.resolve(SweepLock.FILE), "regbench sweep on host some-host, pid 999999999, since 2026-01-01T00:00:00Z");
        try (HadoopResultStore store = HadoopResultStore.open(out.toString(), new Configuration())) {
            SweepLock.acquire(store).close();
        }
    }
}
