package org.eventregistry.platform.record;

/** Whether a record is visible to the public (PUBLISHED) or still being prepared (DRAFT). */
public enum PublicationStatus {
    DRAFT, PUBLISHED
}
