package org.eventregistry.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexer's side of the database: the write log it follows, the head of that log, and its own row in
 * search_index_state (cursor, mapping, lease). Plain JDBC on short auto-committed statements, so that following
 * the log every half second costs one indexed read and stays out of the application's own persistence context.
 */
@ApplicationScoped
class IndexState {

    /** This index's row. */
    record Row(long position, int mappingVersion, Instant builtAt) {
    }

    /** A record a write touched. */
    record Touched(String kind, String id) {
    }

    /** What was written after a cursor, up to the write {@code upto} (inclusive). */
    record Batch(long upto, List<Touched> touched) {
    }

    private final AgroalDataSource data;

    IndexState(AgroalDataSource data) {
        this.data = data;
    }

    /** The number of the last committed write. */
    long head() {
        return query("select write_seq from change_counter where name = 'changes'", s -> { }, r -> r.getLong(1), 0L);
    }

    /** How far the retention purge dropped the write log. */
    long purgedThrough() {
        return query("select writes_purged_through from change_counter where name = 'changes'", s -> { }, r -> r.getLong(1), 0L);
    }

    /** When the oldest write after a cursor was made, or null when there is none. */
    Instant oldestAfter(long position) {
        return query("select min(at) from record_write where seq > ?", s -> s.setLong(1, position),
                r -> instant(r.getObject(1, OffsetDateTime.class)), null);
    }

    /**
     * The records touched by the writes after {@code from}, whole writes only, at most {@code writes} of them; every
     * write up to {@code head} has committed (numbers are taken in commit order), so none can appear later below it.
     */
    Batch writesAfter(long from, long head, int writes) {
        try (Connection c = data.getConnection()) {
            long upto = head;
            try (PreparedStatement s = c.prepareStatement(
                    "select distinct seq from record_write where seq > ? and seq <= ? order by seq")) {
                s.setLong(1, from);
                s.setLong(2, head);
                s.setMaxRows(writes);
                int count = 0;
                long last = from;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        last = r.getLong(1);
                        count++;
                    }
                }
                if (count == writes) {
                    upto = last;
                }
            }
            List<Touched> touched = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select distinct kind, record_id from record_write where seq > ? and seq <= ?")) {
                s.setLong(1, from);
                s.setLong(2, upto);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        touched.add(new Touched(r.getString(1), r.getString(2)));
                    }
                }
            }
            return new Batch(upto, touched);
        } catch (SQLException e) {
            throw new IllegalStateException("The write log cannot be read", e);
        }
    }

    Row row(String name) {
        return query("select position, mapping_version, built_at from search_index_state where name = ?", s -> s.setString(1, name),
                r -> new Row(r.getLong(1), r.getInt(2), instant(r.getObject(3, OffsetDateTime.class))), null);
    }

    /** The stored cursor of a shared index built by this mapping, or -1. */
    long position(String name) {
        Row row = row(name);
        return row == null || row.mappingVersion() != SearchDocument.MAPPING_VERSION ? -1 : row.position();
    }

    /** Stores the cursor, after the index committed everything up to it; returns the time stored. */
    Instant store(String name, long position, int mapping, boolean built) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = update("""
                update search_index_state set position = ?, mapping_version = ?, indexed_at = ?,
                  built_at = case when ? then ? else built_at end
                where name = ?""", s -> {
            s.setLong(1, position);
            s.setInt(2, mapping);
            s.setObject(3, now);
            s.setBoolean(4, built);
            s.setObject(5, now);
            s.setString(6, name);
        });
        if (updated == 0) {
            update("insert into search_index_state (name, position, mapping_version, built_at, indexed_at) values (?, ?, ?, ?, ?)", s -> {
                s.setString(1, name);
                s.setLong(2, position);
                s.setInt(3, mapping);
                s.setObject(4, now);
                s.setObject(5, now);
            });
        }
        return now.toInstant();
    }

    /**
     * Takes or renews the writing lease of a shared index; false while another instance holds an unexpired one.
     * The first instance of a new index creates its row (mapping 0: nothing built yet).
     */
    boolean holdLease(String name, String owner, Duration length) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(length);
        int taken = update("""
                update search_index_state set lease_owner = ?, lease_until = ?
                where name = ? and (lease_owner is null or lease_owner = ? or lease_until < ?)""", s -> {
            s.setString(1, owner);
            s.setObject(2, until);
            s.setString(3, name);
            s.setString(4, owner);
            s.setObject(5, now);
        });
        if (taken == 1) {
            return true;
        }
        if (row(name) != null) {
            return false;
        }
        try {
            return update("insert into search_index_state (name, position, mapping_version, lease_owner, lease_until) values (?, 0, 0, ?, ?)",
                    s -> {
                        s.setString(1, name);
                        s.setString(2, owner);
                        s.setObject(3, until);
                    }) == 1;
        } catch (IllegalStateException lostTheRace) {
            return false;
        }
    }

    void releaseLease(String name, String owner) {
        update("update search_index_state set lease_owner = null, lease_until = null where name = ? and lease_owner = ?", s -> {
            s.setString(1, name);
            s.setString(2, owner);
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader, T none) {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? reader.read(r) : none;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Search state cannot be read", e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Search state cannot be written", e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
