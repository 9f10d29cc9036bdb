package org.eventregistry.platform.record;

/**
 * Fired (synchronously, inside the write's transaction) when an event or speaker was updated or is about
 * to be deleted, so that the records embedding it (line-ups, publications) can follow: drop links to a
 * deleted record, and give their changed representation a new revision in the change log.
 */
public record RecordEvent(String kind, String id, Phase phase) {

    /** When the event is fired. */
    public enum Phase {
        /** After the record was changed and flushed, and the public still sees it as before (published or not). */
        UPDATED,
        /** After the record was changed and flushed, and it was published or taken back to draft. */
        VISIBILITY_CHANGED,
        /** Before the record is deleted, while links to it still exist. */
        DELETING
    }
}
