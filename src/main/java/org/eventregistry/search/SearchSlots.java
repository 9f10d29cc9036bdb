package org.eventregistry.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.error.RegistryException;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many searches of the embedded index run at once ({@code registry.search.concurrency}, by default one per
 * processor); the others wait in the order they came, at most {@code registry.search.queue-timeout}, then get a 503
 * problem to try again. A search of the embedded index is work for the processor alone: run side by side, eight searches
 * on two processors each take four times as long, and the longest ones (a common word over a large index) stretch the
 * most; run in turn, each takes its own time after its wait (the approach of Elasticsearch's search thread pool).
 * The same number of searches a second is answered either way. Gauge: {@code registry_search_queued}.
 */
@ApplicationScoped
class SearchSlots {

    private final Semaphore slots;
    private final long timeoutNanos;
    private final SearchEngine engine;

    SearchSlots(SearchConfig config, SearchEngine engine, MeterRegistry metrics) {
        int concurrency = config.concurrency() > 0 ? config.concurrency() : Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(concurrency, true);
        this.timeoutNanos = config.queueTimeout().toNanos();
        this.engine = engine;
        Gauge.builder("registry.search.queued", slots, Semaphore::getQueueLength)
                .description("Searches waiting for their turn on the embedded index").register(metrics);
    }

    /** Runs a search of the embedded index in its turn; a search on OpenSearch at once (its work is done there). */
    <T> T run(Supplier<T> search) {
        if (engine.shared()) {
            return search.get();
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException.ServiceUnavailable("The search was interrupted; try again", 1);
        }
        if (!acquired) {
            throw new RegistryException.ServiceUnavailable("Too many searches are waiting; try again shortly", 1);
        }
        try {
            return search.get();
        } finally {
            slots.release();
        }
    }
}
