package org.eventregistry.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.change.ChangesCommitted;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the index in step with the database. It follows record_write (every record a committed write touched,
 * drafts included, in commit order) from a cursor kept in search_index_state and stored only after the index
 * committed, so a crash between the two replays a few writes and loses none, and a write that rolled back is
 * never seen. It rebuilds the index from the database when the index is new, was built by an older mapping, or
 * fell behind the log's retention, and on an admin's request; searches keep working while it does (documents are
 * replaced in place, then those the rebuild did not write are removed). On OpenSearch one instance at a time
 * writes the shared index, under a lease in the same row.
 */
@ApplicationScoped
public class Indexer {

    private static final Logger LOG = Logger.getLogger(Indexer.class);
    private static final List<String> KINDS = List.of("event", "speaker", "publication");

    /** Where the index stands against the database: what searches report and health shows. */
    @Schema(name = "SearchIndexState")
    public record Lag(
            @Schema(description = "lucene or opensearch", enumeration = {"lucene", "opensearch"}, examples = "lucene") String engine,
            @Schema(description = "Whether the engine answers") boolean available,
            @Schema(description = "Whether this instance writes the index (always, for an embedded index)") boolean writer,
            @Schema(description = "Whether a rebuild from the database is running") boolean rebuilding,
            @Schema(description = "The last write the index holds", format = "int64", minimum = "0", maximum = "9223372036854775807",
                    examples = "1042") long position,
            @Schema(description = "The last write committed", format = "int64", minimum = "0", maximum = "9223372036854775807",
                    examples = "1042") long head,
            @Schema(description = "Writes committed but not yet indexed", format = "int64", minimum = "0",
                    maximum = "9223372036854775807", examples = "0") long changesBehind,
            @Schema(description = "Age of the oldest write not yet indexed, in seconds", examples = "0.0") double secondsBehind,
            @Schema(description = "When the index was last built from the database", nullable = true) Instant builtAt) {
    }

    private final SearchEngine engine;
    private final Documents documents;
    private final EntityManager em;
    private final IndexState state;
    private final SearchConfig config;
    private final String owner = UUID.randomUUID().toString();
    private final Counter batches;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final Condition wake = lock.newCondition();
    private volatile long position = -1;
    private volatile boolean writer;
    private volatile boolean rebuilding;
    private volatile boolean rebuildRequested;
    private volatile boolean signalled;
    private volatile boolean running;
    /** Searches waiting for the index to catch up (under the lock): the indexer does not gather writes for them. */
    private int searchesWaiting;
    /** When the last batch following the writes ended (System.nanoTime). */
    private volatile long lastBatch = System.nanoTime();
    private volatile Instant builtAt;
    private Thread thread;

    Indexer(SearchEngine engine, Documents documents, EntityManager em, IndexState state, SearchConfig config,
            MeterRegistry metrics) {
        this.engine = engine;
        this.documents = documents;
        this.em = em;
        this.state = state;
        this.config = config;
        this.batches = Counter.builder("registry.search.batches")
                .description("Batches of writes the search indexer indexed and committed while following the writes")
                .register(metrics);
    }

    void start(@Observes StartupEvent start) {
        running = true;
        thread = new Thread(this::run, "search-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        signal();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (writer && engine.shared()) {
            state.releaseLease(engine.stateName(), owner);
        }
    }

    /** A write committed: index it now rather than at the next poll. */
    void committed(@Observes ChangesCommitted changes) {
        signal();
    }

    /** Asks for a rebuild from the database; the indexer starts it at once. */
    public void requestRebuild() {
        rebuildRequested = true;
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the index holds every write committed before this call, for at most {@code max}; false when it
     * did not get there in time (the search then answers from what the index has).
     */
    boolean awaitCurrent(Duration max) {
        long head = state.head();
        long deadline = System.nanoTime() + max.toNanos();
        lock.lock();
        searchesWaiting++;
        if (position < head && (writer || !engine.shared())) {
            // The indexer is to index the writes this search waits for now, not after gathering more.
            signalled = true;
            wake.signalAll();
        }
        try {
            while (position < head) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (!writer && engine.shared()) {
                    lock.unlock();
                    try {
                        // Another instance writes the shared index: read how far it got.
                        position = Math.max(position, state.position(engine.stateName()));
                    } finally {
                        lock.lock();
                    }
                    moved.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(25)), TimeUnit.NANOSECONDS);
                } else {
                    moved.await(left, TimeUnit.NANOSECONDS);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            searchesWaiting--;
            lock.unlock();
        }
    }

    public Lag lag() {
        long head = state.head();
        long at = Math.max(position, 0);
        double seconds = 0;
        if (at < head) {
            Instant first = state.oldestAfter(at);
            seconds = first == null ? 0 : Math.max(0, Duration.between(first, Instant.now()).toMillis() / 1000.0);
        }
        return new Lag(engine.engine().name().toLowerCase(java.util.Locale.ROOT), engine.available(), writer || !engine.shared(),
                rebuilding, at, head, Math.max(0, head - at), seconds, builtAt);
    }

    private void run() {
        long backoff = 500;
        while (running) {
            try {
                engine.open();
                if (!engine.shared() || holdLease()) {
                    writer = true;
                    if (position < 0) {
                        load();
                    }
                    if (rebuildRequested || position < 0) {
                        rebuild();
                    }
                    follow();
                } else {
                    writer = false;
                    long stored = state.position(engine.stateName());
                    publish(Math.max(position, stored));
                }
                backoff = 500;
                pause(config.pollInterval().toMillis());
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Search indexing failed (%s); trying again in %d ms", e.toString(), backoff);
                LOG.debug("Search indexing failure", e);
                if (engine.shared()) {
                    engine.reset();
                    writer = false;
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private void pause(long millis) {
        lock.lock();
        try {
            if (!signalled && running) {
                wake.await(millis, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets the writes of a burst gather for up to {@code batch-interval} after the last batch, so they are indexed
     * (analysed, committed, made visible) together: one index commit per write took about two fifths of the
     * processor time of a stream of POSTs. A search waiting for the index, a rebuild and the shutdown cut it short.
     */
    private void gather() {
        long until = lastBatch + config.batchInterval().toNanos();
        lock.lock();
        try {
            long left;
            while (running && !rebuildRequested && searchesWaiting == 0 && (left = until - System.nanoTime()) > 0) {
                wake.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Reads this index's row: its cursor, unless the index must be rebuilt (new, older mapping, behind the retention). */
    private void load() {
        IndexState.Row row = state.row(engine.stateName());
        if (row == null) {
            LOG.info("The search index is new: building it from the database");
            return;
        }
        builtAt = row.builtAt();
        if (row.mappingVersion() != SearchDocument.MAPPING_VERSION) {
            if (row.mappingVersion() != 0) {
                LOG.infof("The search index was built by mapping %d, this is %d: rebuilding it", row.mappingVersion(),
                        SearchDocument.MAPPING_VERSION);
            }
        } else if (row.position() < state.purgedThrough()) {
            LOG.info("The search index fell behind the retention of the write log: rebuilding it");
        } else {
            publish(row.position());
        }
    }

    /** Indexes what was written after the cursor, batch by batch, moving the cursor after each committed batch. */
    private void follow() {
        while (running && !rebuildRequested) {
            gather();
            if (!running || rebuildRequested) {
                return;
            }
            long head = state.head();
            if (position >= head) {
                return;
            }
            IndexState.Batch batch = state.writesAfter(position, head, config.batchSize());
            Map<String, Set<String>> byKind = new LinkedHashMap<>();
            for (IndexState.Touched t : batch.touched()) {
                // A line-up is part of its event's document (the names of its speakers).
                String kind = "lineup".equals(t.kind()) ? "event" : t.kind();
                if (KINDS.contains(kind)) {
                    byKind.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(t.id());
                }
            }
            index(byKind, 0);
            state.store(engine.stateName(), batch.upto(), SearchDocument.MAPPING_VERSION, false);
            publish(batch.upto());
            batches.increment();
            lastBatch = System.nanoTime();
        }
    }

    /** The documents built from the database for some records, and the ids of those that are gone. */
    private record Loaded(List<SearchDocument> built, List<String> gone) {
    }

    /** Builds or refreshes the documents of these records, removes those whose record is gone, and commits. */
    private void index(Map<String, Set<String>> byKind, long generation) {
        Loaded loaded = load(byKind, generation);
        if (loaded.built().isEmpty() && loaded.gone().isEmpty()) {
            return;
        }
        try (SearchSession session = engine.writingSession()) {
            loaded.built().forEach(session.indexingPlan()::addOrUpdate);
            loaded.gone().forEach(id -> session.indexingPlan().purge(SearchDocument.class, id, null));
        }
    }

    /** Reads the records from the database (one short transaction) and builds their documents. */
    private Loaded load(Map<String, Set<String>> byKind, long generation) {
        List<SearchDocument> built = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Map.Entry<String, Set<String>> kind : byKind.entrySet()) {
                List<SearchDocument> docs = documents.build(kind.getKey(), kind.getValue());
                Set<String> found = new LinkedHashSet<>();
                for (SearchDocument d : docs) {
                    d.generation = generation;
                    found.add(d.id);
                }
                built.addAll(docs);
                kind.getValue().stream().filter(id -> !found.contains(id)).forEach(gone::add);
            }
            em.clear();
        });
        return new Loaded(built, gone);
    }

    /**
     * Writes every record of the database into the index under a new generation, then removes the documents of
     * older generations (records deleted meanwhile). Searches keep answering from the documents already there.
     */
    private void rebuild() {
        rebuildRequested = false;
        rebuilding = true;
        long started = System.nanoTime();
        try {
            long head = state.head();
            long generation = System.currentTimeMillis();
            int count = 0;
            // The engine indexes one batch while the next is read from the database; one commit at the end.
            try (SearchSession bulk = engine.bulkSession()) {
                CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
                for (String kind : KINDS) {
                    String after = "";
                    while (running) {
                        String from = after;
                        List<String> ids = QuarkusTransaction.requiringNew().call(() -> documents.ids(kind, from, config.batchSize()));
                        if (ids.isEmpty()) {
                            break;
                        }
                        // A record deleted since its id was read is left out; the removal of older generations drops it.
                        List<SearchDocument> built = load(Map.of(kind, new LinkedHashSet<>(ids)), generation).built();
                        inFlight.join();
                        inFlight = CompletableFuture.allOf(built.stream()
                                .map(d -> bulk.indexer().addOrUpdate(d).toCompletableFuture())
                                .toArray(CompletableFuture[]::new));
                        count += ids.size();
                        after = ids.get(ids.size() - 1);
                        if (engine.shared() && !holdLease()) {
                            throw new IllegalStateException("The search index lease was lost during a rebuild");
                        }
                    }
                }
                inFlight.join();
                if (!running) {
                    return;
                }
                engine.flushAndRefresh(bulk);
            }
            int removed = removeOlder(generation);
            builtAt = state.store(engine.stateName(), head, SearchDocument.MAPPING_VERSION, true);
            publish(Math.max(position, head));
            LOG.infof("Search index rebuilt: %d records in %d ms, %d stale documents removed", count,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), removed);
            if (running) {
                engine.compact();
            }
        } finally {
            rebuilding = false;
        }
    }

    private int removeOlder(long generation) {
        List<String> stale = new ArrayList<>();
        try (SearchSession session = engine.session();
             SearchScroll<String> scroll = session.search(SearchDocument.class)
                     .select(f -> f.id(String.class))
                     .where(f -> f.range().field("generation").lessThan(generation))
                     .scroll(1000)) {
            for (SearchScrollResult<String> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
                stale.addAll(chunk.hits());
            }
        }
        for (int i = 0; i < stale.size(); i += 1000) {
            List<String> part = stale.subList(i, Math.min(stale.size(), i + 1000));
            try (SearchSession session = engine.writingSession()) {
                part.forEach(id -> session.indexingPlan().purge(SearchDocument.class, id, null));
            }
        }
        return stale.size();
    }

    private void publish(long value) {
        lock.lock();
        try {
            if (value > position) {
                position = value;
            }
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes or renews the shared index's writing lease; false while another instance holds it. */
    private boolean holdLease() {
        boolean held = state.holdLease(engine.stateName(), owner, config.leaseDuration());
        if (held && !writer) {
            LOG.info("This instance now writes the shared search index");
            position = -1;
        }
        return held;
    }
}
