package org.eventregistry.publication;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.text.Ids;

import java.util.Optional;

/** Finds publications by id or slug. */
@ApplicationScoped
public class PublicationRepository implements PanacheRepositoryBase<Publication, String> {

    public Optional<Publication> findByRef(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return Ids.looksLikeId(ref) ? findByIdOptional(ref) : find("slug", ref).firstResultOptional();
    }

    public boolean slugTaken(String slug, String exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? "" : exceptId) > 0;
    }
}
