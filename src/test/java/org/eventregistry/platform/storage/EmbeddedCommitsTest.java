package org.eventregistry.platform.storage;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What a crash would leave: the database file copied while the database is still open, then opened on its own. Once
 * the registry has taken the storing over from H2 (when the pool opens a connection), a commit is in the file once
 * its connection has gone back to the pool, and not before: H2 no longer stores it by itself.
 */
class EmbeddedCommitsTest {

    private static final String CREATE = "create table record (id int primary key, title varchar(200))";
    private static final String INSERT = "insert into record (id, title) values (1, 'Belgrade Security Conference')";

    /** A test that expects no failure fails instead of halting its JVM, as the registry would. */
    private static void neverStops() {
        throw new AssertionError("the registry would have stopped");
    }

    /** The live database, with H2's own durable setting (each commit stored by H2 unless the registry took over). */
    private static String live(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("live") + ";WRITE_DELAY=0";
    }

    @Test
    void aCommitIsInTheFileOnceItsConnectionReturns(@TempDir Path dir) throws Exception {
        assertEquals(1, rowsLeftByACrash(dir, true));
    }

    @Test
    void withoutTheReturnTheCommitIsNotInTheFile(@TempDir Path dir) throws Exception {
        assertEquals(0, rowsLeftByACrash(dir, false));
    }

    @Test
    void withoutTheRegistryTakingOverH2StoresTheCommitItself(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(live(dir), "sa", "");
             Statement s = c.createStatement()) {
            s.execute(CREATE);
            s.executeUpdate(INSERT);
            Files.copy(dir.resolve("live.mv.db"), dir.resolve("crashed.mv.db"));
        }
        assertEquals(1, count(dir.resolve("crashed")));
    }

    @Test
    void aStoreThatCannotBeWrittenStopsTheRegistry(@TempDir Path dir) throws Exception {
        AtomicInteger stops = new AtomicInteger();
        EmbeddedCommits commits = new EmbeddedCommits(stops::incrementAndGet);
        Connection c = DriverManager.getConnection(live(dir), "sa", "");
        try {
            commits.onConnectionCreate(c);
            try (Statement s = c.createStatement()) {
                s.execute(CREATE);
                s.executeUpdate(INSERT);
            }
            // The file goes away under the store, as a failing disk would take it.
            EmbeddedCommits.fileStore(c).getFileStore().close();
            commits.onConnectionReturn(c);
            assertEquals(1, stops.get(), "the registry is stopped, the failure not thrown into the pool");
        } finally {
            try {
                c.close();
            } catch (SQLException closed) {
                // The database is closed already.
            }
        }
    }

    @Test
    void aStoreClosedByTheShutdownIsNoFailure(@TempDir Path dir) throws Exception {
        AtomicInteger stops = new AtomicInteger();
        EmbeddedCommits commits = new EmbeddedCommits(stops::incrementAndGet);
        try (Connection c = DriverManager.getConnection(live(dir), "sa", "")) {
            commits.onConnectionCreate(c);
            try (Statement s = c.createStatement()) {
                s.execute(CREATE);
            }
            MVStore store = EmbeddedCommits.fileStore(c);
            store.close();
            commits.onConnectionReturn(c);
            assertEquals(0, stops.get());
        } catch (SQLException closed) {
            // Closing the connection of a closed database.
        }
    }

    @Test
    void anInMemoryDatabaseHasNoFileToWrite() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:commits-test", "sa", "")) {
            assertNull(EmbeddedCommits.fileStore(c));
            EmbeddedCommits commits = new EmbeddedCommits(EmbeddedCommitsTest::neverStops);
            commits.onConnectionCreate(c);
            commits.onConnectionReturn(c);
        }
    }

    private static long rowsLeftByACrash(Path dir, boolean returned) throws Exception {
        EmbeddedCommits commits = new EmbeddedCommits(EmbeddedCommitsTest::neverStops);
        try (Connection c = DriverManager.getConnection(live(dir), "sa", "")) {
            commits.onConnectionCreate(c);
            try (Statement s = c.createStatement()) {
                s.execute(CREATE);
            }
            commits.onConnectionReturn(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate(INSERT);
            }
            if (returned) {
                commits.onConnectionReturn(c);
            }
            Files.copy(dir.resolve("live.mv.db"), dir.resolve("crashed.mv.db"));
        }
        return count(dir.resolve("crashed"));
    }

    private static long count(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from record")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("the copied file does not open", e);
        }
    }
}
