package org.eventregistry.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eventregistry.platform.record.Records;
import org.eventregistry.platform.config.RegistryConfig;

import java.time.Instant;

/**
 * Appends to the change log in the transaction of the write itself, so a change is seen exactly when
 * its write commits. Sequence numbers come from a counter row that stays locked until that commit,
 * so they are handed out in commit order and readers paging by number never miss a late commit.
 */
@ApplicationScoped
public class ChangeLog {

    /** What a change did to the public state of a record. */
    public enum Operation {
        CREATE, UPDATE, DELETE
    }

    private volatile Instant lastPurge = Instant.EPOCH;

    private final EntityManager em;
    private final ObjectMapper json;
    private final RegistryConfig config;

    public ChangeLog(EntityManager em, ObjectMapper json, RegistryConfig config) {
        this.em = em;
        this.json = json;
        this.config = config;
    }

    /**
     * Records a write. {@code record} is the record as the public API returns it, or null when the public
     * may not see it (a draft): the public stream then shows a tombstone, so a partner drops its copy.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String kind, String id, String slug, Operation operation, long version, Object record) {
        Instant at = Records.now();
        em.createNativeQuery("update change_counter set last_seq = last_seq + 1, last_at = :at where name = 'changes'")
                .setParameter("at", at).executeUpdate();
        long seq = ((Number) em.createNativeQuery("select last_seq from change_counter where name = 'changes'").getSingleResult()).longValue();
        em.createNativeQuery("""
                        insert into change_log (seq, kind, record_id, slug, operation, version, at, payload)
                        values (:seq, :kind, :id, :slug, :operation, :version, :at, :payload)""")
                .setParameter("seq", seq).setParameter("kind", kind).setParameter("id", id).setParameter("slug", slug)
                .setParameter("operation", operation.name()).setParameter("version", version)
                .setParameter("at", at).setParameter("payload", write(operation == Operation.DELETE ? null : record))
                .executeUpdate();
        if (lastPurge.plus(config.changes().purgeInterval()).isBefore(Instant.now())) {
            lastPurge = Instant.now();
            purge();
        }
    }

    /** Drops changes older than the retention and remembers how far it dropped, so older cursors get a 410. */
    void purge() {
        Instant oldest = Instant.now().minus(config.changes().retention());
        Number through = (Number) em.createNativeQuery("select max(seq) from change_log where at < :oldest")
                .setParameter("oldest", oldest).getSingleResult();
        if (through != null) {
            em.createNativeQuery("delete from change_log where seq <= :through").setParameter("through", through.longValue()).executeUpdate();
            em.createNativeQuery("update change_counter set purged_through = :through where name = 'changes' and purged_through < :through")
                    .setParameter("through", through.longValue()).executeUpdate();
        }
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
