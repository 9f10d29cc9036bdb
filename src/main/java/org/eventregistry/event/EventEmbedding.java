package org.eventregistry.event;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Records hanging off events that an event view embeds on request (include=speakers, include=publications).
 * The event package states what it needs; the line-up and publication packages provide it.
 */
public interface EventEmbedding {

    /** The name include= uses. */
    String name();

    /** What each of the events embeds, as the caller may see it, read in one query for all of them. */
    Map<String, List<?>> forEvents(Collection<String> eventIds);

    /** The event view with {@code embedded} in its place. */
    EventView embed(EventView event, List<?> embedded);
}
