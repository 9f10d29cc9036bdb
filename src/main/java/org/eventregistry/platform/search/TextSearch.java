package org.eventregistry.platform.search;

import java.util.List;

/**
 * The full-text engine as the collections see it: {@code q} on /events, /speakers and /publications narrows the
 * list to the records the engine matches. Implemented by the search package, so the collections do not depend on it.
 */
public interface TextSearch {

    /** The most that one {@code q} on a collection narrows to, best matches first. */
    int MAX_MATCHES = 1000;

    /** The kinds of record the engine indexes. */
    enum Kind {
        EVENT, SPEAKER, PUBLICATION
    }

    /**
     * Ids of the records of {@code kind} that match {@code q}, best first, at most {@link #MAX_MATCHES}; drafts only
     * when {@code drafts}. Null when {@code q} is absent or has no words (nothing to narrow by). A 400 problem when
     * {@code q} is longer than the documented limit.
     */
    List<String> matching(Kind kind, String q, boolean drafts);
}
