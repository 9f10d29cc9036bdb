package org.eventregistry.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.eventregistry.platform.cluster.JobLease;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.error.DatabaseUnavailable;
import org.eventregistry.platform.record.Records;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The change log partners, caches and followers inside the registry stand on. Only {@link WritePath} appends,
 * at the end of a write's transaction: it decides from what the public saw before whether a representation
 * is created, updated or deleted for the public (a record the public never saw leaves no trace), then takes
 * the counter row, which stays locked until the commit, so sequence numbers and times follow commit order.
 */
@ApplicationScoped
public class ChangeLog {

    /** What a change did to the public state of a record. */
    public enum Operation {
        CREATE, UPDATE, DELETE
    }

    /** A representation as the write left it; {@code record} is null when the public may not see it. */
    record Entry(String kind, String id, String slug, long revision, Object record) {
    }

    private record Row(Entry entry, Operation operation, long version) {
    }

    private static final Logger LOG = Logger.getLogger(ChangeLog.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final RegistryConfig config;
    private final JobLease lease;

    public ChangeLog(EntityManager em, ObjectMapper json, RegistryConfig config, JobLease lease) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.lease = lease;
    }

    /** Appends the entries in the caller's transaction and returns the log's position after them. */
    long append(List<Entry> entries) {
        List<Row> rows = new ArrayList<>();
        for (Entry entry : entries) {
            List<?> seen = em.createNativeQuery("select visible, version from public_view where kind = :kind and record_id = :id")
                    .setParameter("kind", entry.kind()).setParameter("id", entry.id()).getResultList();
            boolean wasVisible = !seen.isEmpty() && (Boolean) ((Object[]) seen.get(0))[0];
            long last = seen.isEmpty() ? 0 : ((Number) ((Object[]) seen.get(0))[1]).longValue();
            boolean visible = entry.record() != null;
            if (!visible && !wasVisible) {
                continue;
            }
            Operation operation = !visible ? Operation.DELETE : wasVisible ? Operation.UPDATE : Operation.CREATE;
            long version = seen.isEmpty() ? entry.revision() : Math.max(entry.revision(), last + 1);
            em.createNativeQuery(seen.isEmpty()
                            ? "insert into public_view (kind, record_id, visible, version) values (:kind, :id, :visible, :version)"
                            : "update public_view set visible = :visible, version = :version where kind = :kind and record_id = :id")
                    .setParameter("kind", entry.kind()).setParameter("id", entry.id())
                    .setParameter("visible", visible).setParameter("version", version).executeUpdate();
            rows.add(new Row(entry, operation, version));
        }
        Object[] counter = (Object[]) em.createNativeQuery(
                        "select last_seq, last_at, write_at, write_seq from change_counter where name = 'changes' for update")
                .getSingleResult();
        long seq = ((Number) counter[0]).longValue();
        Instant at = latest(Records.now(), instant(counter[1]), instant(counter[2]));
        em.createNativeQuery("""
                        update change_counter set write_seq = write_seq + 1, write_at = :at,
                          last_seq = :last, last_at = case when :public then :at else last_at end
                        where name = 'changes'""")
                .setParameter("at", at).setParameter("last", seq + rows.size()).setParameter("public", !rows.isEmpty())
                .executeUpdate();
        // Every record the write touched, drafts too, under the write's number: what the search index follows.
        long write = ((Number) counter[3]).longValue() + 1;
        Set<List<String>> touched = new LinkedHashSet<>();
        entries.forEach(e -> touched.add(List.of(e.kind(), e.id())));
        for (List<String> record : touched) {
            em.createNativeQuery("insert into record_write (seq, kind, record_id, at) values (:seq, :kind, :id, :at)")
                    .setParameter("seq", write).setParameter("kind", record.get(0)).setParameter("id", record.get(1))
                    .setParameter("at", at).executeUpdate();
        }
        for (Row row : rows) {
            Entry e = row.entry();
            em.createNativeQuery("""
                            insert into change_log (seq, kind, record_id, slug, operation, version, at, payload)
                            values (:seq, :kind, :id, :slug, :operation, :version, :at, :payload)""")
                    .setParameter("seq", ++seq).setParameter("kind", e.kind()).setParameter("id", e.id())
                    .setParameter("slug", e.slug()).setParameter("operation", row.operation().name())
                    .setParameter("version", row.version()).setParameter("at", at)
                    .setParameter("payload", write(e.record()))
                    .executeUpdate();
        }
        return seq;
    }

    /**
     * Drops changes older than the retention and remembers how far it dropped, so older cursors get a 410. Every
     * instance schedules it; the job lease lets one of them run it each interval.
     */
    @Scheduled(every = "${registry.changes.purge-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            lease.runOnce("change-purge", config.changes().purgeInterval(), this::purgeNow);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            LOG.warnf("The change purge waits for the database: %s", e.getMessage());
        }
    }

    private void purgeNow() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant oldest = Instant.now().minus(config.changes().retention());
            Number through = (Number) em.createNativeQuery("select max(seq) from change_log where at < :oldest")
                    .setParameter("oldest", oldest).getSingleResult();
            if (through != null) {
                em.createNativeQuery("delete from change_log where seq <= :through").setParameter("through", through.longValue())
                        .executeUpdate();
                em.createNativeQuery("update change_counter set purged_through = :through where name = 'changes' and purged_through < :through")
                        .setParameter("through", through.longValue()).executeUpdate();
            }
            Number writes = (Number) em.createNativeQuery("select max(seq) from record_write where at < :oldest")
                    .setParameter("oldest", oldest).getSingleResult();
            if (writes != null) {
                em.createNativeQuery("delete from record_write where seq <= :through").setParameter("through", writes.longValue())
                        .executeUpdate();
                em.createNativeQuery("""
                                update change_counter set writes_purged_through = :through
                                where name = 'changes' and writes_purged_through < :through""")
                        .setParameter("through", writes.longValue()).executeUpdate();
            }
        });
    }

    static Instant instant(Object value) {
        if (value == null) {
            return Instant.EPOCH;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }

    /** The latest of the instants, absent ones skipped (the epoch when all are). */
    static Instant latest(Instant... instants) {
        Instant latest = Instant.EPOCH;
        for (Instant i : instants) {
            if (i != null && i.isAfter(latest)) {
                latest = i;
            }
        }
        return latest;
    }

    private String write(Object record) {
        if (record == null) {
            return null;
        }
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change cannot be written", e);
        }
    }
}
