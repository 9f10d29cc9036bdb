package org.eventregistry.event;

/** A schema.org description (JSON-LD) of an event, line-up included; provided by the feed package. */
public interface EventLinkedData {

    String MEDIA_TYPE = "application/ld+json";

    Object describe(EventView event);
}
