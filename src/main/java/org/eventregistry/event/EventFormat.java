package org.eventregistry.event;

/** How people attend an event. */
public enum EventFormat {
    IN_PERSON, ONLINE, HYBRID
}
