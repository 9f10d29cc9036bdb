package org.eventregistry.platform.paging;

/** A field a list may be sorted on: its API name, the JPQL path it reads, and how cursor values of it are typed. */
public record SortKey(String name, String path, Kind kind) {

    /** How a value of the key is written into and read back from a cursor. */
    public enum Kind {
        INSTANT, TEXT, DATE
    }
}
