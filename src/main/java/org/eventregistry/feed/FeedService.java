package org.eventregistry.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.event.EventFilters;
import org.eventregistry.event.EventService;
import org.eventregistry.event.EventView;
import org.eventregistry.lineup.LineupService;
import org.eventregistry.publication.PublicationFilters;
import org.eventregistry.publication.PublicationService;
import org.eventregistry.publication.PublicationView;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Builds the iCalendar, Atom, RSS and JSON feeds from the same filtered lists the API serves. */
@ApplicationScoped
public class FeedService {

    private final EventService events;
    private final LineupService lineups;
    private final PublicationService publications;
    private final RegistryConfig config;
    private final ObjectMapper json;
    /** Rendered VEVENTs (see {@link Ics#calendar}), bounded by their size in memory. */
    private final Cache<String, String> rendered;

    public FeedService(EventService events, LineupService lineups, PublicationService publications, RegistryConfig config,
                       ObjectMapper json) {
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(config.calendarCacheBytes())
                .weigher((String key, String text) -> 2 * (key.length() + text.length()) + 100)
                .build();
        this.events = events;
        this.lineups = lineups;
        this.publications = publications;
        this.config = config;
        this.json = json;
    }

    private Links links() {
        return new Links(config.siteUrl().replaceAll("/+$", ""));
    }

    /** The events matching the filters as one calendar, soonest first. */
    public String eventsCalendar(EventFilters filters, String sort, String name) {
        List<EventView> list = events.feed(filters, sort, "startsAt", config.feedMaxItems());
        return Ics.calendar(name, list, lineups.lineups(list.stream().map(EventView::id).toList()), links(), rendered);
    }

    /** One event as a calendar of its own. */
    public String eventCalendar(String ref) {
        EventView event = events.get(ref);
        return Ics.calendar(event.title(), List.of(event), lineups.lineups(List.of(event.id())), links(), rendered);
    }

    public String eventsFeed(Syndication.Format format, EventFilters filters, String sort, String feedUrl) {
        List<EventView> list = events.feed(filters, sort, "-createdAt", config.feedMaxItems());
        Links links = links();
        List<Syndication.Entry> entries = list.stream().map(e -> new Syndication.Entry(
                "tag:" + links.host() + ",2025:events/" + e.id(), e.title(), links.event(e.slug()),
                summary(e), e.description(), e.createdAt(), e.updatedAt(), List.of(), e.topics())).toList();
        Instant updated = list.stream().map(EventView::updatedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return Syndication.write(format, new Syndication.Channel("Events", "Conferences, panels, lectures and discussions",
                links.site() + "/events", feedUrl, updated), entries, json);
    }

    public String publicationsFeed(Syndication.Format format, PublicationFilters filters, String sort, String feedUrl) {
        List<PublicationView> list = publications.feed(filters, sort, config.feedMaxItems());
        Links links = links();
        List<Syndication.Entry> entries = list.stream().map(p -> new Syndication.Entry(
                "tag:" + links.host() + ",2025:publications/" + p.id(), p.title(), links.publication(p.slug()),
                p.subtitle(), p.summary(), published(p), p.updatedAt(),
                p.authors().stream().map(PublicationView.Author::displayName).toList(), p.topics())).toList();
        Instant updated = list.stream().map(PublicationView::updatedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return Syndication.write(format, new Syndication.Channel("Publications", "Articles, essays, interviews and reports",
                links.site() + "/publications", feedUrl, updated), entries, json);
    }

    private static String summary(EventView e) {
        String when = e.startsAt().toLocalDate() + (e.venue() != null && e.venue().city() != null ? ", " + e.venue().city() : "");
        return e.summary() == null ? when : when + ". " + e.summary();
    }

    /** The publication date (its first day) or, without one, when it entered the registry. */
    private static Instant published(PublicationView p) {
        return Optional.ofNullable(p.publishedOn())
                .map(d -> LocalDate.parse(d.length() == 4 ? d + "-01-01" : d.length() == 7 ? d + "-01" : d).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(p.createdAt());
    }
}
