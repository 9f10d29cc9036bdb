package org.eventregistry.platform.paging;

/**
 * A field a list may be sorted on: its API name, the JPQL path it reads, how cursor values of it are typed,
 * and whether records may lack it (those come last, in either direction).
 */
public record SortKey(String name, String path, Kind kind, boolean nullable) {

    /** How a value of the key is written into and read back from a cursor. */
    public enum Kind {
        INSTANT, TEXT, DATE
    }

    public SortKey(String name, String path, Kind kind) {
        this(name, path, kind, false);
    }
}
