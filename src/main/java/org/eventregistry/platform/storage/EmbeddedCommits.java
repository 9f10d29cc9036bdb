package org.eventregistry.platform.storage;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Stores the embedded H2 database to disk before a connection goes back to the pool, once for all the transactions
 * that committed meanwhile (group commit).
 * <p>
 * H2's durable setting ({@code WRITE_DELAY=0}) stores every commit by itself, each a chunk holding the pages of every
 * table and index the commit touched; with eight writers that is one chunk per write, and the pages they share (the
 * change counter, the change log, the top of each index) are serialised again each time: half the processor time of a
 * POST. So the registry takes the storing over from H2 when the pool opens a connection (no automatic store at
 * commit, no background writer: every store is the registry's and is on disk when it returns), and a connection
 * returning to the pool, which Agroal does at the end of its transaction, before the answer, waits until a store that
 * began after it has ended and the file is forced to the disk ({@link GroupCommit}). So no write is answered before it
 * is on disk, even across a power cut, and writes that committed together share one store and one force. A connection
 * that only read waits too (for nothing when nothing is unsaved), so that nothing a reader was shown can be lost by a
 * crash: an ETag, a change-stream page or a search index entry never names a write that is then gone. The file's
 * housekeeping, which H2's background writer would do, is {@link EmbeddedStoreCompaction}'s. A failed store or force
 * stops the registry at once. Agroal skips return interceptors for a connection it drops
 * instead of pooling it (flush-on-close, or a pool shrunk below its open connections); the registry sets neither. On
 * PostgreSQL, and for the in-memory database of the tests, there is nothing to do.
 */
@ApplicationScoped
public class EmbeddedCommits implements AgroalPoolInterceptor {

    /** H2's setting for "no background writer and no store at commit" (what it sets itself while closing). */
    private static final int STORES_BY_CALLER = -1;

    private static final Logger LOG = Logger.getLogger(EmbeddedCommits.class);
    /** The exit status when the database could not be written to disk (EX_IOERR of sysexits.h). */
    static final int STORAGE_FAILED = 74;

    private final GroupCommit commits = new GroupCommit();
    private final Runnable stop;
    /** The file last forced and its write count then; written only by the caller holding the group's turn. */
    private FileStore<?> forcedFile;
    private long forcedAt;

    public EmbeddedCommits() {
        this(() -> Runtime.getRuntime().halt(STORAGE_FAILED));
    }

    /** With what to do once the database could not be written (tests record it instead of stopping). */
    EmbeddedCommits(Runnable stop) {
        this.stop = stop;
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        takeOver(fileStore(connection));
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        MVStore store = takeOver(fileStore(connection));
        if (store == null) {
            return;
        }
        try {
            commits.await(() -> write(store));
        } catch (Throwable e) {
            if (store.isClosed() && store.getPanicException() == null) {
                // Closed by the shutdown, which stored everything while closing: nothing was lost.
                return;
            }
            // Thrown from here the failure would be logged and dropped by the transaction manager (this runs after
            // the commit) and the write answered 2xx; and whatever this group's readers saw may be gone. So the
            // registry stops at once, as PostgreSQL does after a failed fsync (a second force can report success
            // for pages whose write failed): nothing is confirmed or shown after it, and a restart recovers the
            // last stored state.
            LOG.fatalf(e, "The embedded database could not be written to disk: the registry stops (exit status %d)."
                    + " Restart it once the disk is mended; it recovers what was stored before.", STORAGE_FAILED);
            stop.run();
        }
    }

    /** Stops H2 from storing at commit and in the background (see above); null stays null. */
    private static MVStore takeOver(MVStore store) {
        if (store != null && store.getAutoCommitDelay() != STORES_BY_CALLER && !store.isClosed()) {
            store.setAutoCommitDelay(STORES_BY_CALLER);
        }
        return store;
    }

    private void write(MVStore store) {
        store.commit();
        if (store.isClosed()) {
            // A closed store's commit stores nothing and says nothing.
            throw new IllegalStateException("The embedded database could not be written and is closed",
                    store.getPanicException());
        }
        // Forced to the disk, not only handed to the operating system: one force for the group, as PostgreSQL flushes
        // its write-ahead log once for the transactions committing together. Skipped when nothing was written since
        // the last force (a group of readers); the compaction job's stores count as written.
        FileStore<?> file = store.getFileStore();
        long writes = file.getWriteCount();
        if (file != forcedFile || writes != forcedAt) {
            store.sync();
            forcedFile = file;
            forcedAt = writes;
        }
    }

    /** The H2 file store behind this connection, or null for another database and for H2 in memory. */
    static MVStore fileStore(Connection connection) {
        try {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            if (!(h2.getSession() instanceof SessionLocal session) || session.getDatabase().getStore() == null) {
                return null;
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? null : store;
        } catch (SQLException e) {
            throw new IllegalStateException("The database behind a pooled connection cannot be reached", e);
        }
    }
}
