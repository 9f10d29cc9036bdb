package org.eventregistry.publication;

import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.event.EventEmbedding;
import org.eventregistry.event.EventView;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** include=publications on events: the visible publications related to each event, newest first. */
@ApplicationScoped
public class RelatedPublications implements EventEmbedding {

    private final PublicationService publications;

    public RelatedPublications(PublicationService publications) {
        this.publications = publications;
    }

    @Override
    public String name() {
        return "publications";
    }

    @Override
    public Map<String, List<?>> forEvents(Collection<String> eventIds) {
        return Map.copyOf(publications.forEvents(eventIds));
    }

    @Override
    public EventView embed(EventView event, List<?> embedded) {
        return event.withPublications(embedded);
    }
}
