package org.eventregistry.feed;

import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.event.EventLinkedData;
import org.eventregistry.event.EventView;
import org.eventregistry.event.VenueFields;
import org.eventregistry.lineup.LineupEntry;
import org.eventregistry.lineup.LineupService;
import org.eventregistry.publication.Periodical;
import org.eventregistry.publication.PublicationLinkedData;
import org.eventregistry.publication.PublicationView;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** schema.org descriptions (JSON-LD) of events and publications, for search engines and partner sites. */
@ApplicationScoped
public class JsonLd implements EventLinkedData, PublicationLinkedData {

    private final RegistryConfig config;
    private final LineupService lineups;

    public JsonLd(RegistryConfig config, LineupService lineups) {
        this.config = config;
        this.lineups = lineups;
    }

    private Links links() {
        return new Links(config.siteUrl().replaceAll("/+$", ""));
    }

    /** An Event with its status, attendance mode, location, performers (the line-up) and organizer. */
    @Override
    public Map<String, Object> describe(EventView e) {
        Links links = links();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Event");
        ld.put("@id", links.event(e.slug()));
        ld.put("url", links.event(e.slug()));
        ld.put("name", e.title());
        put(ld, "description", e.summary());
        ld.put("startDate", e.startsAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ld.put("endDate", e.endsAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ld.put("eventStatus", "https://schema.org/" + switch (e.status()) {
            case SCHEDULED -> "EventScheduled";
            case POSTPONED -> "EventPostponed";
            case RESCHEDULED -> "EventRescheduled";
            case CANCELLED -> "EventCancelled";
            case MOVED_ONLINE -> "EventMovedOnline";
        });
        ld.put("eventAttendanceMode", "https://schema.org/" + switch (e.format()) {
            case IN_PERSON -> "OfflineEventAttendanceMode";
            case ONLINE -> "OnlineEventAttendanceMode";
            case HYBRID -> "MixedEventAttendanceMode";
        });
        List<Object> locations = new ArrayList<>();
        VenueFields v = e.venue();
        if (v != null) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            put(place, "name", v.name());
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            put(address, "streetAddress", v.address());
            put(address, "addressLocality", v.city());
            put(address, "addressCountry", v.country());
            place.put("address", address);
            locations.add(place);
        }
        if (e.onlineUrl() != null) {
            locations.add(Map.of("@type", "VirtualLocation", "url", e.onlineUrl()));
        }
        if (!locations.isEmpty()) {
            ld.put("location", locations.size() == 1 ? locations.get(0) : locations);
        }
        List<Map<String, Object>> performers = new ArrayList<>();
        for (LineupEntry place : lineups.lineups(List.of(e.id())).getOrDefault(e.id(), List.of())) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", place.speaker().displayName());
            put(person, "jobTitle", place.speaker().position());
            String affiliation = place.affiliationAtEvent() != null ? place.affiliationAtEvent() : place.speaker().affiliation();
            if (affiliation != null) {
                person.put("affiliation", Map.of("@type", "Organization", "name", affiliation));
            }
            put(person, "image", place.speaker().photoUrl());
            performers.add(person);
        }
        if (!performers.isEmpty()) {
            ld.put("performer", performers);
        }
        ld.put("organizer", Map.of("@type", "Organization", "name", config.organizationName(), "url", links.site()));
        put(ld, "image", e.imageUrl());
        put(ld, "inLanguage", e.language());
        if (!e.topics().isEmpty()) {
            ld.put("keywords", String.join(", ", e.topics()));
        }
        if (e.registrationUrl() != null) {
            ld.put("offers", Map.of("@type", "Offer", "url", e.registrationUrl()));
        }
        return ld;
    }

    /** A ScholarlyArticle, Report, Book, Chapter, NewsArticle or Article, with authors, date and the periodical it is part of. */
    @Override
    public Map<String, Object> describe(PublicationView p) {
        Links links = links();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", switch (p.type()) {
            case ARTICLE, ESSAY -> p.periodical() != null ? "ScholarlyArticle" : "Article";
            case REPORT, POLICY_BRIEF -> "Report";
            case BOOK -> "Book";
            case BOOK_CHAPTER -> "Chapter";
            case NEWS, PRESS_RELEASE -> "NewsArticle";
            case INTERVIEW -> "Article";
            case JOURNAL_ISSUE -> "PublicationIssue";
        });
        ld.put("@id", links.publication(p.slug()));
        ld.put("url", p.url() != null ? p.url() : links.publication(p.slug()));
        ld.put("headline", p.title());
        ld.put("name", p.subtitle() == null ? p.title() : p.title() + ": " + p.subtitle());
        List<Map<String, Object>> authors = new ArrayList<>();
        for (PublicationView.Author a : p.authors()) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", a.displayName());
            put(person, "givenName", a.givenName());
            put(person, "familyName", a.familyName());
            if (a.affiliation() != null) {
                person.put("affiliation", Map.of("@type", "Organization", "name", a.affiliation()));
            }
            authors.add(person);
        }
        if (!authors.isEmpty()) {
            ld.put("author", authors);
        }
        put(ld, "datePublished", p.publishedOn());
        Periodical periodical = p.periodical();
        if (periodical != null && periodical.name() != null) {
            Map<String, Object> journal = new LinkedHashMap<>();
            journal.put("@type", "Periodical");
            journal.put("name", periodical.name());
            Object partOf = journal;
            if (periodical.volume() != null) {
                partOf = Map.of("@type", "PublicationVolume", "volumeNumber", periodical.volume(), "isPartOf", partOf);
            }
            if (periodical.issue() != null) {
                partOf = Map.of("@type", "PublicationIssue", "issueNumber", periodical.issue(), "isPartOf", partOf);
            }
            ld.put("isPartOf", partOf);
            put(ld, "pagination", periodical.pages());
        }
        if (p.publisher() != null) {
            ld.put("publisher", Map.of("@type", "Organization", "name", p.publisher()));
        }
        if (p.doi() != null) {
            ld.put("identifier", Map.of("@type", "PropertyValue", "propertyID", "DOI", "value", p.doi()));
            ld.put("sameAs", "https://doi.org/" + p.doi());
        }
        put(ld, "isbn", p.isbn());
        put(ld, "image", p.imageUrl());
        put(ld, "inLanguage", p.language());
        if (!p.topics().isEmpty()) {
            ld.put("keywords", String.join(", ", p.topics()));
        }
        if (!p.relatedEvents().isEmpty()) {
            ld.put("about", p.relatedEvents().stream()
                    .map(e -> Map.of("@type", "Event", "name", e.title(), "url", links.event(e.slug()), "startDate", e.startsAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                    .toList());
        }
        return ld;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
