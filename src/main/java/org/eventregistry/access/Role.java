package org.eventregistry.access;

/** What a caller may do: each role includes the ones below it (ADMIN > STAFF > PARTNER). */
public enum Role {
    PARTNER, STAFF, ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
