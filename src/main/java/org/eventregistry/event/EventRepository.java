package org.eventregistry.event;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.text.Ids;

import java.util.List;
import java.util.Optional;

/** Finds events by id or slug and reads pages of the events list. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, String> {

    /** The event whose id or slug is {@code ref}. */
    public Optional<Event> findByRef(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return Ids.looksLikeId(ref) ? findByIdOptional(ref) : find("slug", ref).firstResultOptional();
    }

    /** The span of the longest event, drafts included (an index lookup); 0 without events. */
    public long longestSpanSeconds() {
        Long longest = getEntityManager().createQuery("select max(e.spanSeconds) from Event e", Long.class).getSingleResult();
        return longest == null ? 0 : longest;
    }

    public boolean slugTaken(String slug, String exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? "" : exceptId) > 0;
    }

    public List<String> childTitles(String parentId) {
        return getEntityManager()
                .createQuery("select e.title from Event e where e.parent.id = :id order by e.startsAt, e.id", String.class)
                .setParameter("id", parentId).setMaxResults(10).getResultList();
    }

    /** The ids of an event's sessions, in the order writes lock them in. */
    public List<String> childIds(String parentId) {
        return getEntityManager().createQuery("select e.id from Event e where e.parent.id = :id order by e.id", String.class)
                .setParameter("id", parentId).getResultList();
    }
}
