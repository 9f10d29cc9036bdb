package org.eventregistry.platform.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps the embedded H2 file from growing without end. H2's background writer is what rewrites the live pages of
 * half-empty chunks so that old chunks can be freed and their space reused, and the registry runs H2 without it
 * ({@link EmbeddedCommits} does the storing; with {@code WRITE_DELAY=0} H2 has none either). Without that
 * housekeeping every commit added its chunk (about 110 KB for an event) and the file only grew: 784 MB after 7,700
 * POSTs. This job does that housekeeping on a schedule: it
 * marks the live pages of the sparsest chunks for rewriting (H2's {@link MVStore#compact}, a bounded amount each
 * run, only when H2's store lock is free within 10 ms), then stores them itself ({@link MVStore#commit}), so the
 * rewrite is not left to the next request's commit. The old chunks' space is reused once they are older than H2's
 * retention time (45 s). Nothing to do on PostgreSQL.
 */
@ApplicationScoped
public class EmbeddedStoreCompaction {

    private static final Logger LOG = Logger.getLogger(EmbeddedStoreCompaction.class);
    /** Chunks are rewritten while the live share of the file is under this (H2's own background default). */
    static final int TARGET_FILL_RATE = 90;
    /** About this much is rewritten per run at most: writes wait on H2's store lock while it is stored. */
    static final int WRITE_PER_RUN = 8 * 1024 * 1024;

    private final AgroalDataSource db;
    private final boolean embedded;

    EmbeddedStoreCompaction(AgroalDataSource db, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.db = db;
        this.embedded = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("h2");
    }

    @Scheduled(every = "${registry.db.compact-interval:PT10S}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!embedded) {
            return;
        }
        try (Connection connection = db.getConnection()) {
            compact(connection);
        } catch (SQLException | RuntimeException e) {
            // Housekeeping: the next run tries again. (A failure inside H2's rewrite is H2's own: it closes the store,
            // as its background thread's would, and the registry then answers 503s until restarted.)
            LOG.warnf("Compacting the embedded database file failed: %s", e.toString());
        }
    }

    /** Rewrites sparse chunks of the H2 store behind this connection; false when it is not a file store. */
    static boolean compact(Connection connection) throws SQLException {
        MVStore store = EmbeddedCommits.fileStore(connection);
        if (store == null || store.isClosed()) {
            return false;
        }
        FileStore<?> file = store.getFileStore();
        if (file.getFillRate() >= TARGET_FILL_RATE && file.getChunksFillRate() >= TARGET_FILL_RATE) {
            return true;
        }
        int before = file.getFillRate();
        long size = file.size();
        boolean rewritten = store.compact(TARGET_FILL_RATE, WRITE_PER_RUN);
        if (rewritten) {
            store.commit();
        }
        LOG.debugf("Embedded store: %d MB, %d%% live, chunks %d%% live; rewritten: %b, now %d%% live", size >> 20, before,
                file.getChunksFillRate(), rewritten, file.getFillRate());
        return true;
    }
}
