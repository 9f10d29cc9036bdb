package org.eventregistry.event;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.common.Ids;
import org.eventregistry.common.Sort;
import org.eventregistry.common.Where;

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

    public boolean slugTaken(String slug, String exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? "" : exceptId) > 0;
    }

    public List<String> childTitles(String parentId) {
        return getEntityManager()
                .createQuery("select e.title from Event e where e.parent.id = :id order by e.startsAt, e.id", String.class)
                .setParameter("id", parentId).setMaxResults(10).getResultList();
    }

    public long count(Where where) {
        return where.bind(getEntityManager().createQuery("select count(e) from Event e" + where.clause(), Long.class))
                .getSingleResult();
    }

    /** Up to {@code max} events matching {@code where}, in the order of {@code sort}. */
    public List<Event> page(Where where, Sort sort, int max) {
        return where.bind(getEntityManager().createQuery("select e from Event e" + where.clause() + sort.orderBy("e"), Event.class))
                .setMaxResults(max)
                .getResultList();
    }
}
