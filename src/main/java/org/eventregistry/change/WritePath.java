package org.eventregistry.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eventregistry.access.AuditEntry;
import org.eventregistry.access.AuditLog;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.record.Records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one write path. Services state their rules and call this for the rest of the sequence: lock the record
 * they change (so a write without If-Match waits its turn), flush, audit, and queue the public representations
 * the write changed, its own and those of the views that embed it. At the end of the transaction
 * ({@link WriteInterceptor}) the queue goes to the change log, which takes its counter last, and after the
 * commit {@link ChangesCommitted} is fired.
 */
@ApplicationScoped
public class WritePath {

    /**
     * A public representation after the write: its slug, its revision (which grows with every change to what it
     * shows), and the record as the public sees it, or null when the public may not see it (a draft) or it is gone.
     */
    public record Snapshot(String slug, long revision, Object publicRecord) {
    }

    private record Pending(String kind, String id, Supplier<Snapshot> snapshot) {
    }

    private static final Object PENDING = new Object();
    private static final Object HEAD = new Object();

    private final EntityManager em;
    private final AuditLog audit;
    private final ChangeLog log;
    private final TransactionSynchronizationRegistry transaction;
    private final Event<ChangesCommitted> committed;

    public WritePath(EntityManager em, AuditLog audit, ChangeLog log, TransactionSynchronizationRegistry transaction,
                     Event<ChangesCommitted> committed) {
        this.em = em;
        this.audit = audit;
        this.log = log;
        this.transaction = transaction;
        this.committed = committed;
    }

    /** Reloads the record with its row locked until the commit; concurrent writes of it queue behind this one. */
    public <T> T lock(T record) {
        try {
            em.refresh(record, LockModeType.PESSIMISTIC_WRITE);
            return record;
        } catch (EntityNotFoundException e) {
            throw new RegistryException.NotFound("The record was deleted by another request at the same time");
        }
    }

    /**
     * The record with this id, locked as {@link #lock(Object)} does, or none when a concurrent write deleted it: for
     * writes that follow a record they only embed.
     */
    public <T> Optional<T> lock(Class<T> type, String id) {
        return Optional.ofNullable(em.find(type, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The slug a record of this kind ends up with ({@link Records#slug}). Writes that derive one from a title or
     * name pick it without waiting; two racing creates of one title pick the same, one of them loses on the unique
     * slug and runs again, and writes running again take turns (a lock per kind), so that a crowd of racing creates
     * of one title settles in a few attempts instead of colliding again and again.
     */
    public String slug(String kind, String requested, String current, String text, Predicate<String> taken) {
        if (requested == null && current == null && WriteInterceptor.retrying()) {
            em.createNativeQuery("select kind from slug_lock where kind = :kind for update").setParameter("kind", kind).getResultList();
        }
        return Records.slug(requested, current, text, kind, taken);
    }

    /** Sends the pending changes to the database now, so that a race lost on a constraint surfaces inside the write. */
    public void flush() {
        em.flush();
    }

    /** Audits a write of a record and queues its public representation for the change log. */
    public void written(String kind, String id, AuditEntry.Operation operation, Supplier<Snapshot> snapshot) {
        audit.record(kind, id, operation);
        follow(kind, id, snapshot);
    }

    /**
     * Queues a public representation that changed because of this write without being its subject (a publication
     * whose author was renamed). The snapshot is taken when the write ends, so it shows the final state; a
     * representation queued twice is logged once.
     */
    public void follow(String kind, String id, Supplier<Snapshot> snapshot) {
        pending().put(kind + "/" + id, new Pending(kind, id, snapshot));
    }

    /** Appends what the write queued to the change log: the last step before the commit. */
    void finish() {
        @SuppressWarnings("unchecked")
        Map<String, Pending> pending = (Map<String, Pending>) transaction.getResource(PENDING);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        em.flush();
        List<ChangeLog.Entry> entries = new ArrayList<>();
        for (Pending p : pending.values()) {
            Snapshot s = p.snapshot().get();
            entries.add(new ChangeLog.Entry(p.kind(), p.id(), s.slug(), s.revision(), s.publicRecord()));
        }
        pending.clear();
        long[] head = (long[]) transaction.getResource(HEAD);
        if (head == null) {
            head = new long[1];
            transaction.putResource(HEAD, head);
            long[] position = head;
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        committed.fire(new ChangesCommitted(position[0]));
                    }
                }
            });
        }
        head[0] = log.append(entries);
    }

    private Map<String, Pending> pending() {
        @SuppressWarnings("unchecked")
        Map<String, Pending> pending = (Map<String, Pending>) transaction.getResource(PENDING);
        if (pending == null) {
            pending = new LinkedHashMap<>();
            transaction.putResource(PENDING, pending);
        }
        return pending;
    }
}
