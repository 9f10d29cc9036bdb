package org.eventregistry.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eventregistry.platform.paging.Cursors;
import org.eventregistry.platform.http.QueryValues;
import org.eventregistry.platform.error.RegistryException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the public change stream by cursor. */
@ApplicationScoped
public class ChangeFeed {

    public static final Set<String> KINDS = Set.of("event", "speaker", "publication", "lineup");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final EntityManager em;
    private final Cursors cursors;

    public ChangeFeed(EntityManager em, Cursors cursors) {
        this.em = em;
        this.cursors = cursors;
    }

    /** A change and its place in the log, for followers inside the registry that keep their own position. */
    public record Positioned(long seq, Change change) {
    }

    /**
     * Up to {@code limit} changes after {@code position}, oldest first, as the change stream shows them; and the
     * log's head. Changes past the retention are gone: a position before them reads on from the oldest kept.
     */
    public List<Positioned> after(long position, int limit) {
        long head = head();
        List<?> rows = em.createNativeQuery("select seq, kind, record_id, slug, operation, version, at, payload from change_log"
                        + " where seq > :after and seq <= :head order by seq")
                .setParameter("after", position).setParameter("head", head).setMaxResults(limit).getResultList();
        List<Positioned> changes = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            changes.add(new Positioned(((Number) r[0]).longValue(), change(r)));
        }
        return changes;
    }

    /** The position of the last change in the log. */
    public long head() {
        return ((Number) em.createNativeQuery("select last_seq from change_counter where name = 'changes'").getSingleResult())
                .longValue();
    }

    /** Changes after the cursor ({@code now} for the current end, none for the start), oldest first. */
    public ChangePage read(String after, String limitParam, List<String> types) {
        int limit = QueryValues.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
        Set<String> kinds = new LinkedHashSet<>(QueryValues.split(types));
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw QueryValues.bad("type", "'" + kind + "' is not one of " + KINDS.stream().sorted().toList());
            }
        }
        Object[] counter = (Object[]) em.createNativeQuery("select last_seq, purged_through from change_counter where name = 'changes'")
                .getSingleResult();
        long head = ((Number) counter[0]).longValue();
        long purged = ((Number) counter[1]).longValue();
        long position;
        if (after == null) {
            position = 0;
        } else if (after.equals("now")) {
            position = head;
        } else {
            position = cursors.decodePosition(after, "after");
        }
        if (position < purged) {
            throw new RegistryException.Gone("Changes up to this cursor are past the retention and gone. Resync: take a cursor "
                    + "with after=now, reload the lists (events, speakers, publications), then follow the stream from that cursor");
        }
        String sql = "select seq, kind, record_id, slug, operation, version, at, payload from change_log"
                + " where seq > :after and seq <= :head" + (kinds.isEmpty() ? "" : " and kind in (:kinds)") + " order by seq";
        var query = em.createNativeQuery(sql).setParameter("after", position).setParameter("head", head).setMaxResults(limit + 1);
        if (!kinds.isEmpty()) {
            query.setParameter("kinds", kinds);
        }
        List<?> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Change> items = new ArrayList<>();
        long last = position;
        for (Object row : more ? rows.subList(0, limit) : rows) {
            Object[] r = (Object[]) row;
            last = ((Number) r[0]).longValue();
            items.add(change(r));
        }
        // A page that reached the head moves the cursor to it, even when a filter skipped the last changes, so a
        // filtered follower that is current never falls behind the retention.
        return new ChangePage(items, cursors.encodePosition(more ? last : Math.max(head, position)), more);
    }

    private static Change change(Object[] r) {
        String payload = (String) r[7];
        String operation = payload == null ? "DELETE" : (String) r[4];
        return new Change((String) r[1], (String) r[2], (String) r[3], operation, ((Number) r[5]).longValue(),
                ChangeLog.instant(r[6]), payload);
    }
}
