package org.eventregistry.platform.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded file stays bounded under a stream of durable commits only when its sparse chunks are rewritten:
 * the same workload (a row appended to a table with three indexes in each commit, as the registry's write path
 * appends events, changes and audit entries with WRITE_DELAY=0) on two databases, one compacted as the scheduled
 * job does and one not.
 */
class EmbeddedStoreCompactionTest {

    private static final int COMMITS = 3000;

    @Test
    void compactionKeepsTheFileFromGrowingWithEveryCommit(@TempDir Path dir) throws Exception {
        long left = workload(dir.resolve("left"), false);
        long compacted = workload(dir.resolve("compacted"), true);
        assertTrue(compacted * 3 < left, "compacted file " + compacted + " bytes against " + left + " left alone");
    }

    @Test
    void anInMemoryDatabaseHasNoFileToCompact() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:compaction-test", "sa", "")) {
            assertFalse(EmbeddedStoreCompaction.compact(c));
        }
    }

    /** Runs the commits and returns the size of the database file once they are done. */
    private static long workload(Path dir, boolean compact) throws SQLException, java.io.IOException {
        Files.createDirectories(dir);
        // RETENTION_TIME=0: freed chunks are reused at once instead of after H2's 45 s, so the test needs no waiting.
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table record (id int primary key, body varchar(2000), position int, kind int)");
                s.execute("create index ix_record_position on record (position, id)");
                s.execute("create index ix_record_kind on record (kind, id)");
                s.execute("create index ix_record_body on record (body)");
            }
            String body = "x".repeat(200);
            try (PreparedStatement insert = c.prepareStatement("insert into record (id, body, position, kind) values (?, ?, ?, ?)")) {
                for (int n = 0; n < COMMITS; n++) {
                    insert.setInt(1, n);
                    insert.setString(2, (n * 7919 % COMMITS) + body);
                    insert.setInt(3, COMMITS - n);
                    insert.setInt(4, n % 7);
                    insert.executeUpdate();
                    if (compact && n % 100 == 99) {
                        assertTrue(EmbeddedStoreCompaction.compact(c));
                    }
                }
            }
            return Files.size(dir.resolve("db.mv.db"));
        }
    }
}
