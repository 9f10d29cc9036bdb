package org.eventregistry.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eventregistry.event.Event;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.platform.record.Topic;
import org.eventregistry.platform.text.Slugs;
import org.eventregistry.publication.Authorship;
import org.eventregistry.publication.Publication;
import org.eventregistry.publication.PublishedDate;
import org.eventregistry.speaker.Speaker;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns records of the database into {@link SearchDocument}s, in batches (a rebuild reads every record, so one
 * query per batch fetches line-ups and authors). Runs inside the caller's transaction.
 */
@ApplicationScoped
class Documents {

    /** Longest text of one field kept in the index (an article body can be longer; its beginning is what is found). */
    static final int MAX_TEXT = 100_000;

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final EntityManager em;
    private final ObjectMapper json;

    Documents(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The documents of the records of one kind with these ids; ids without a record (deleted) are left out. */
    List<SearchDocument> build(String kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return switch (kind) {
            case "event" -> events(em.createQuery("select e from Event e where e.id in :ids", Event.class)
                    .setParameter("ids", ids).getResultList());
            case "speaker" -> speakers(em.createQuery("select s from Speaker s where s.id in :ids", Speaker.class)
                    .setParameter("ids", ids).getResultList());
            case "publication" -> publications(em.createQuery("select p from Publication p where p.id in :ids", Publication.class)
                    .setParameter("ids", ids).getResultList());
            default -> throw new IllegalArgumentException("No documents of kind " + kind);
        };
    }

    /** Up to {@code max} ids of a kind after {@code after}, in id order: how a rebuild walks the database. */
    List<String> ids(String kind, String after, int max) {
        String entity = switch (kind) {
            case "event" -> "Event";
            case "speaker" -> "Speaker";
            case "publication" -> "Publication";
            default -> throw new IllegalArgumentException("No records of kind " + kind);
        };
        return em.createQuery("select r.id from " + entity + " r where r.id > :after order by r.id", String.class)
                .setParameter("after", after).setMaxResults(max).getResultList();
    }

    private List<SearchDocument> events(List<Event> events) {
        Map<String, List<String>> lineups = new HashMap<>();
        if (!events.isEmpty()) {
            em.createQuery("""
                            select p.event.id, p.speaker.displayName from Participation p
                            where p.event.id in :ids order by p.position""", Object[].class)
                    .setParameter("ids", events.stream().map(e -> e.id).toList()).getResultList()
                    .forEach(row -> lineups.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]));
        }
        List<SearchDocument> documents = new ArrayList<>();
        for (Event e : events) {
            SearchDocument d = base("event", e.id, e.slug, e.title);
            d.summary = join(e.subtitle, e.summary);
            d.body(text(e.description));
            d.names.addAll(lineups.getOrDefault(e.id, List.of()).stream().distinct().toList());
            topics(d, e.topics);
            d.context.addAll(present(e.series, e.venue == null ? null : e.venue.name, e.venue == null ? null : e.venue.city));
            d.eventType = e.type == null ? null : e.type.name();
            d.country = e.venue == null ? null : e.venue.country;
            d.language = e.language;
            d.startsAt = e.startsAt;
            d.endsAt = e.endsAt;
            d.year = e.startsAt == null ? null : e.startsAt.atZone(ZoneOffset.UTC).getYear();
            d.recency = e.startsAt;
            d.published = e.publicationStatus == PublicationStatus.PUBLISHED;
            ZoneId zone = zone(e.timeZone);
            d.card = card(new SearchHit.Fields(
                    e.startsAt == null ? null : e.startsAt.atZone(zone).toOffsetDateTime(),
                    e.endsAt == null ? null : e.endsAt.atZone(zone).toOffsetDateTime(),
                    e.timeZone, d.eventType, e.status == null ? null : e.status.name(),
                    e.venue == null ? null : e.venue.name, e.venue == null ? null : e.venue.city, d.country,
                    null, null, null, null, null, null, null, e.publicationStatus.name()));
            documents.add(d);
        }
        return documents;
    }

    private List<SearchDocument> speakers(List<Speaker> speakers) {
        List<SearchDocument> documents = new ArrayList<>();
        for (Speaker s : speakers) {
            SearchDocument d = base("speaker", s.id, s.slug, s.displayName);
            d.summary = join(s.position, s.affiliation);
            d.body(text(s.bio));
            // E-mail and phone are private: never indexed.
            d.names.addAll(present(join(s.givenName, s.familyName), s.familyName, s.honorific));
            topics(d, s.topics);
            d.country = s.country;
            d.recency = s.updatedAt;
            d.published = true;
            d.card = card(new SearchHit.Fields(null, null, null, null, null, null, null, s.country,
                    s.position, s.affiliation, s.photoUrl, null, null, null, null, null));
            documents.add(d);
        }
        return documents;
    }

    private List<SearchDocument> publications(List<Publication> publications) {
        List<SearchDocument> documents = new ArrayList<>();
        for (Publication p : publications) {
            SearchDocument d = base("publication", p.id, p.slug, p.title);
            d.summary = join(p.subtitle, text(p.abstractText));
            d.body(text(p.body));
            List<String> authors = p.authors.stream().sorted((a, b) -> Integer.compare(a.position, b.position))
                    .map((Authorship a) -> a.speaker.displayName).toList();
            d.names.addAll(authors);
            topics(d, p.topics);
            d.context.addAll(present(p.periodicalName, p.publisher, p.doi, p.isbn));
            d.publicationType = p.type == null ? null : p.type.name();
            d.language = p.language;
            PublishedDate date = p.publishedOn == null ? null : new PublishedDate(p.publishedOn, p.publishedPrecision);
            if (date != null) {
                d.startsAt = date.first().atStartOfDay(ZoneOffset.UTC).toInstant();
                d.endsAt = date.last().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
                d.year = date.first().getYear();
            }
            d.recency = d.startsAt != null ? d.startsAt : p.createdAt;
            d.published = p.publicationStatus == PublicationStatus.PUBLISHED;
            d.card = card(new SearchHit.Fields(null, null, null, null, null, null, null, null, null, null, null,
                    d.publicationType, p.periodicalName, date == null ? null : date.toString(), authors.isEmpty() ? null : authors,
                    p.publicationStatus.name()));
            documents.add(d);
        }
        return documents;
    }

    private static SearchDocument base(String kind, String id, String slug, String title) {
        SearchDocument d = new SearchDocument();
        d.kind = kind;
        d.id = id;
        d.slug = slug;
        d.title = title;
        return d;
    }

    private static void topics(SearchDocument d, List<Topic> topics) {
        for (Topic t : topics) {
            d.topic.add(t.name);
            d.topicKey.add(t.key);
            d.context.add(t.name);
        }
    }

    private String card(SearchHit.Fields fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A search card cannot be written", e);
        }
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static List<String> present(String... values) {
        return Stream.of(values).filter(Objects::nonNull).filter(v -> !v.isBlank()).distinct().toList();
    }

    private static String join(String... parts) {
        String joined = present(parts).stream().collect(Collectors.joining(" · "));
        return joined.isEmpty() ? null : joined;
    }

    /** The words of sanitised HTML: tags become spaces, character references their characters. */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = TAG.matcher(html).replaceAll(" ");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(character(m.group(1))));
        }
        m.appendTail(out);
        String plain = SPACES.matcher(out).replaceAll(" ").strip();
        if (plain.length() > MAX_TEXT) {
            plain = plain.substring(0, MAX_TEXT);
        }
        return plain.isEmpty() ? null : plain;
    }

    private static final Map<String, String> NAMED = new LinkedHashMap<>(Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " "));

    private static String character(String reference) {
        if (!reference.startsWith("#")) {
            return NAMED.get(reference);
        }
        try {
            int code = reference.startsWith("#x") || reference.startsWith("#X")
                    ? Integer.parseInt(reference.substring(2), 16) : Integer.parseInt(reference.substring(1));
            return Character.isValidCodePoint(code) && !Character.isISOControl(code) ? new String(Character.toChars(code)) : " ";
        } catch (NumberFormatException e) {
            return " ";
        }
    }

    /** The folded key of a topic filter value, as stored in {@link SearchDocument#topicKey}. */
    static String topicKey(String value) {
        return Slugs.key(value);
    }
}
