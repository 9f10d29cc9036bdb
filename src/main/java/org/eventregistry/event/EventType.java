package org.eventregistry.event;

/** What kind of gathering an event is. */
public enum EventType {
    CONFERENCE, PANEL, LECTURE, DISCUSSION, ROUNDTABLE, WORKSHOP, SEMINAR, BOOK_LAUNCH, OTHER
}
