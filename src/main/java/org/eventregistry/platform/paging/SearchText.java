package org.eventregistry.platform.paging;

import org.eventregistry.platform.http.QueryValues;
import org.eventregistry.platform.text.Slugs;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The interim text matching behind {@code q}: records keep their words folded (no case, no accents) in one
 * column, and each word of the query must occur in it, so "jovanovic" finds "Jovanović".
 */
public final class SearchText {

    public static final int MAX_QUERY = 200;
    public static final int MAX_STORED = 4000;

    private SearchText() {
    }

    /** The folded words of a record's searchable fields, nulls skipped. */
    public static String of(Stream<String> parts) {
        String text = Slugs.key(String.join(" ", parts.filter(Objects::nonNull).toList()));
        return text.length() > MAX_STORED ? text.substring(0, MAX_STORED) : text;
    }

    /** Adds one condition per word of {@code q} (at most ten) to {@code where}, on the column at {@code path}. */
    public static Where match(Where where, String path, String q) {
        List<String> words = words(q);
        for (int i = 0; i < words.size(); i++) {
            where.and(path + " like :q" + i, "q" + i, "%" + words.get(i) + "%");
        }
        return where;
    }

    static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.length() > MAX_QUERY) {
            throw QueryValues.bad("q", "must be at most " + MAX_QUERY + " characters");
        }
        // Folding leaves letters and digits only, so LIKE wildcards in the query cannot reach the database.
        return Stream.of(Slugs.key(q).split("-")).filter(w -> !w.isBlank()).limit(10).toList();
    }
}
