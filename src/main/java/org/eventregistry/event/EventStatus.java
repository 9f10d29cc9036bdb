package org.eventregistry.event;

/** Whether an event goes ahead as announced (schema.org's eventStatus, plus MOVED_ONLINE). */
public enum EventStatus {
    SCHEDULED, POSTPONED, RESCHEDULED, CANCELLED, MOVED_ONLINE
}
