package org.eventregistry.search;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eventregistry.platform.error.RegistryException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searches of the embedded index take turns: at most the configured number run, the others wait in order or give up. */
class SearchSlotsTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private SearchSlots slots(SearchConfig.Engine engine, int concurrency, Duration timeout) {
        SearchConfig config = (SearchConfig) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SearchConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "engine" -> engine;
                    case "concurrency" -> concurrency;
                    case "queueTimeout" -> timeout;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new SearchSlots(config, new SearchEngine(config, null), metrics);
    }

    @Test
    void searchesBeyondTheSlotsWaitTheirTurnInOrder() throws Exception {
        SearchSlots slots = slots(SearchConfig.Engine.LUCENE, 1, Duration.ofSeconds(10));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            running.countDown();
            await(finish);
            order.add("first");
            return "first";
        }));
        assertTrue(running.await(5, TimeUnit.SECONDS));
        // Four more queue up one after the other, while the first holds the only slot.
        List<CompletableFuture<String>> waiting = new java.util.ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int i = 1; i <= 4; i++) {
                String name = "waiting " + i;
                waiting.add(CompletableFuture.supplyAsync(() -> slots.run(() -> {
                    order.add(name);
                    return name;
                }), threads));
                waitUntilQueued(i);
            }
            assertEquals(List.of(), order, "the others wait while the first holds the only slot");
            finish.countDown();
            for (CompletableFuture<String> w : waiting) {
                w.get(5, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals("first", first.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("first", "waiting 1", "waiting 2", "waiting 3", "waiting 4"), order, "in the order they came");
        assertEquals(0.0, metrics.get("registry.search.queued").gauge().value());
    }

    @Test
    void aSearchThatWaitsTooLongIsToldToTryAgain() throws Exception {
        SearchSlots slots = slots(SearchConfig.Engine.LUCENE, 1, Duration.ofMillis(50));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            running.countDown();
            await(finish);
            return null;
        }));
        assertTrue(running.await(5, TimeUnit.SECONDS));
        assertThrows(RegistryException.ServiceUnavailable.class, () -> slots.run(() -> "late"));
        finish.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertEquals("now", slots.run(() -> "now"), "the slot is free again once the first search ended");
    }

    @Test
    void searchesOnOpenSearchAreNotHeldBack() throws Exception {
        SearchSlots slots = slots(SearchConfig.Engine.OPENSEARCH, 1, Duration.ofMillis(50));
        CountDownLatch both = new CountDownLatch(2);
        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> slots.run(() -> meet(both)));
        CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> slots.run(() -> meet(both)));
        assertTrue(a.get(5, TimeUnit.SECONDS) && b.get(5, TimeUnit.SECONDS), "both ran at the same time");
    }

    private void waitUntilQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (metrics.get("registry.search.queued").gauge().value() < count) {
            assertTrue(System.nanoTime() < deadline, "no search queued");
            Thread.sleep(5);
        }
    }

    private static boolean meet(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
