package org.eventregistry.change;

/**
 * Fired after a write committed, with the change log's position after it: followers inside the registry
 * (search indexing, webhook delivery) read the log from their own cursor when they hear it.
 */
public record ChangesCommitted(long position) {
}
