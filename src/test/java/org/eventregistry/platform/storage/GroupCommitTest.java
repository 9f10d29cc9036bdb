package org.eventregistry.platform.storage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callers of {@link GroupCommit#await} stand for transactions that committed in memory: each must return only once
 * a write that saw its commit has ended, and callers arriving together must share writes.
 */
class GroupCommitTest {

    private static final int THREADS = 8;
    private static final int COMMITS_EACH = 150;

    /** A store that writes what was committed when it began, slowly, and remembers how far the disk is. */
    private static final class SlowStore implements GroupCommit.Store {
        final AtomicLong committed = new AtomicLong();
        final AtomicLong onDisk = new AtomicLong();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void writeAll() {
            long through = committed.get();
            writes.incrementAndGet();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            onDisk.accumulateAndGet(through, Math::max);
        }
    }

    @Test
    void noCallerReturnsBeforeItsCommitIsWrittenAndCallersShareWrites() throws Exception {
        GroupCommit group = new GroupCommit();
        SlowStore store = new SlowStore();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
                int early = 0;
                for (int n = 0; n < COMMITS_EACH; n++) {
                    long mine = store.committed.incrementAndGet();
                    group.await(store);
                    if (store.onDisk.get() < mine) {
                        early++;
                    }
                }
                return early;
            }));
        }
        int early = 0;
        for (Future<Integer> result : results) {
            early += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(0, early, "callers that returned before their commit was written");
        int calls = THREADS * COMMITS_EACH;
        assertTrue(store.writes.get() * 2 < calls, store.writes.get() + " writes for " + calls + " commits");
    }

    @Test
    void aCallerAloneWritesOnceForItself() {
        GroupCommit group = new GroupCommit();
        SlowStore store = new SlowStore();
        store.committed.incrementAndGet();
        group.await(store);
        assertEquals(1, store.writes.get());
        assertEquals(1, store.onDisk.get());
    }

    @Test
    void afterAFailedWriteNoCommitIsConfirmedAgain() {
        GroupCommit group = new GroupCommit();
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> group.await(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("fsync: input/output error");
        }));
        // A second force after a failed one can report success while the first write's pages are gone.
        assertThrows(IllegalStateException.class, () -> group.await(attempts::incrementAndGet));
        assertEquals(1, attempts.get());
    }

    @Test
    void aPendingInterruptDoesNotReachTheWriteAndIsKept() {
        GroupCommit group = new GroupCommit();
        AtomicInteger interruptedWrites = new AtomicInteger();
        Thread.currentThread().interrupt();
        group.await(() -> {
            if (Thread.currentThread().isInterrupted()) {
                interruptedWrites.incrementAndGet();
            }
        });
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertEquals(0, interruptedWrites.get(), "H2 would have closed its file on it");
    }
}
