package org.eventregistry.platform.record;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.text.Slugs;


import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The small rules every record's service shares: timestamps, blank text, topics, and free slugs. */
public final class Records {

    private Records() {
    }

    /** Now, to the microsecond the databases keep, so a response and a later read agree. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Topics from their names, duplicates (by folded key) dropped, order kept. */
    public static List<Topic> topics(List<String> names) {
        Map<String, Topic> unique = new LinkedHashMap<>();
        if (names != null) {
            for (String name : names) {
                Topic topic = new Topic(name);
                unique.putIfAbsent(topic.key, topic);
            }
        }
        return List.copyOf(unique.values());
    }

    /**
     * The slug a record ends up with: the one requested (a 409 when another record has it), else the one it
     * has (slugs stay stable across renames), else one made from {@code text}.
     */
    public static String slug(String requested, String current, String text, String what, Predicate<String> taken) {
        if (requested != null && !requested.equals(current)) {
            if (Ids.looksLikeId(requested)) {
                throw new RegistryException.Invalid("/slug", "could be taken for an id (26 letters and digits): add a word or a dash");
            }
            if (taken.test(requested)) {
                throw new RegistryException.Conflict("The slug '" + requested + "' is taken by another " + what,
                        List.of(new FieldError("/slug", "already in use")));
            }
            return requested;
        }
        return current != null ? current : freeSlug(text, what, taken);
    }

    /** The slug of {@code text} (or {@code fallback}), with -2, -3... added until {@code taken} says it is free. */
    public static String freeSlug(String text, String fallback, Predicate<String> taken) {
        String base = Slugs.of(text);
        if (base.isEmpty()) {
            base = fallback;
        } else if (Ids.looksLikeId(base)) {
            base = fallback + "-" + base;
        }
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
