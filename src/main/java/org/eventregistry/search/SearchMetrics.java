package org.eventregistry.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.ToDoubleFunction;

/**
 * The search index's lag as metrics at /q/metrics: {@code registry_search_writes_behind} (writes committed but not
 * yet indexed), {@code registry_search_seconds_behind} (age of the oldest of them) and {@code registry_search_position}.
 * The search index follows every write (drafts too), so its lag is counted in writes, not in public changes.
 */
@ApplicationScoped
class SearchMetrics {

    /** A lag read once serves the three gauges of one scrape (each reading costs two queries). */
    private record Reading(Indexer.Lag lag, long atNanos) {
    }

    private static final long FRESH_NANOS = 1_000_000_000L;
    private volatile Reading last;

    void register(@Observes StartupEvent start, MeterRegistry metrics, Indexer indexer) {
        gauge(metrics, indexer, "registry.search.writes.behind", "Writes committed but not yet in the search index",
                lag -> lag.changesBehind());
        gauge(metrics, indexer, "registry.search.seconds.behind", "Age in seconds of the oldest write not yet in the search index",
                Indexer.Lag::secondsBehind);
        gauge(metrics, indexer, "registry.search.position", "The last write the search index holds", lag -> lag.position());
    }

    private void gauge(MeterRegistry metrics, Indexer indexer, String name, String description, ToDoubleFunction<Indexer.Lag> value) {
        Gauge.builder(name, indexer, i -> {
            try {
                return value.applyAsDouble(lag(i));
            } catch (RuntimeException unavailable) {
                return Double.NaN;
            }
        }).description(description).register(metrics);
    }

    private Indexer.Lag lag(Indexer indexer) {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading == null || now - reading.atNanos() > FRESH_NANOS) {
            reading = new Reading(indexer.lag(), now);
            last = reading;
        }
        return reading.lag();
    }
}
