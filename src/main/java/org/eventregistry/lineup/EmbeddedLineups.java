package org.eventregistry.lineup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.event.EventEmbedding;
import org.eventregistry.event.EventView;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** include=speakers on events: each event's ordered line-up. */
@ApplicationScoped
public class EmbeddedLineups implements EventEmbedding {

    private final LineupService lineups;

    public EmbeddedLineups(LineupService lineups) {
        this.lineups = lineups;
    }

    @Override
    public String name() {
        return "speakers";
    }

    @Override
    public Map<String, List<?>> forEvents(Collection<String> eventIds) {
        return Map.copyOf(lineups.lineups(eventIds));
    }

    @Override
    public EventView embed(EventView event, List<?> embedded) {
        return event.withSpeakers(embedded);
    }
}
