package org.eventregistry.speaker;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.text.Ids;

import java.util.List;
import java.util.Optional;

/** Finds speakers by id or slug, and the events whose line-ups name them. */
@ApplicationScoped
public class SpeakerRepository implements PanacheRepositoryBase<Speaker, String> {

    public Optional<Speaker> findByRef(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return Ids.looksLikeId(ref) ? findByIdOptional(ref) : find("slug", ref).firstResultOptional();
    }

    public boolean slugTaken(String slug, String exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? "" : exceptId) > 0;
    }

    /** Titles of the events whose line-ups name the speaker (at most ten, for a message). */
    public List<String> eventTitles(String speakerId) {
        return getEntityManager()
                .createQuery("select distinct p.event.title from Participation p where p.speaker.id = :id order by p.event.title", String.class)
                .setParameter("id", speakerId).setMaxResults(10).getResultList();
    }

    /** Titles of the publications the speaker is an author of (at most ten, for a message). */
    public List<String> publicationTitles(String speakerId) {
        return getEntityManager()
                .createQuery("select a.publication.title from Authorship a where a.speaker.id = :id order by a.publication.title", String.class)
                .setParameter("id", speakerId).setMaxResults(10).getResultList();
    }





    public List<Speaker> all() {
        return listAll();
    }
}
