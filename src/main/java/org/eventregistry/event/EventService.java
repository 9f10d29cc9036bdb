package org.eventregistry.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eventregistry.access.AuditEntry;
import org.eventregistry.access.Caller;
import org.eventregistry.change.Write;
import org.eventregistry.change.WritePath;
import org.eventregistry.platform.record.RecordEvent;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.http.Idempotency;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.validation.LanguageTag;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.paging.Page;
import org.eventregistry.platform.paging.Paging;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.platform.http.QueryValues;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.record.Records;
import org.eventregistry.platform.text.RichText;
import org.eventregistry.platform.text.Slugs;
import org.eventregistry.platform.paging.Sort;
import org.eventregistry.platform.paging.SortKey;
import org.eventregistry.platform.validation.Validation;
import org.eventregistry.platform.http.Versions;
import org.eventregistry.platform.paging.Where;
import org.eventregistry.platform.search.TextSearch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Creates, changes, deletes and lists events; owns their transactions and rules. */
@ApplicationScoped
public class EventService {

    /** The search engine behind {@code q}. */
    @Inject
    TextSearch text;

    static final Map<String, SortKey> SORT_KEYS = Map.of(
            "startsAt", new SortKey("startsAt", "startsAt", SortKey.Kind.INSTANT),
            "endsAt", new SortKey("endsAt", "endsAt", SortKey.Kind.INSTANT),
            "title", new SortKey("title", "title", SortKey.Kind.TEXT),
            "createdAt", new SortKey("createdAt", "createdAt", SortKey.Kind.INSTANT),
            "updatedAt", new SortKey("updatedAt", "updatedAt", SortKey.Kind.INSTANT));
    static final String DEFAULT_SORT = "startsAt";
    static final String KIND = "event";
    /** Events start in the years 0001 to 9999 (Validation.yearInRange): no bound needs to reach before. */
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

    private final EventRepository events;
    private final Validation validation;
    private final Idempotency idempotency;
    private final Paging paging;
    private final RegistryConfig config;
    private final ObjectMapper json;
    private final Caller caller;
    private final WritePath writes;
    private final jakarta.enterprise.event.Event<RecordEvent> written;

    public EventService(EventRepository events, Validation validation, Idempotency idempotency, Paging paging,
                        RegistryConfig config, ObjectMapper json, Caller caller, WritePath writes,
                        jakarta.enterprise.event.Event<RecordEvent> written) {
        this.writes = writes;
        this.written = written;
        this.caller = caller;
        this.events = events;
        this.validation = validation;
        this.idempotency = idempotency;
        this.paging = paging;
        this.config = config;
        this.json = json;
    }

    /** The event as the change log shows it: the public view, or none for a draft. */
    private WritePath.Snapshot snapshot(Event event) {
        return new WritePath.Snapshot(event.slug, event.version,
                event.publicationStatus == PublicationStatus.PUBLISHED ? view(event, false) : null);
    }

    /** The event; a draft is reported missing to callers who may not see drafts. */
    public EventView get(String ref) {
        return view(visible(ref));
    }

    /** The event entity as the caller may see it, for services that hang records off events. */
    public Event visible(String ref) {
        Event event = find(ref);
        if (event.publicationStatus == PublicationStatus.DRAFT && !caller.canSeeDrafts()) {
            throw notFound(ref);
        }
        return event;
    }

    /**
     * The event entity, locked, for a write to it or to something it owns (its line-up); writes to one event take
     * turns. Callers of writes are staff.
     */
    public Event forWrite(String ref) {
        return writes.lock(find(ref));
    }

    @Write
    public Idempotency.Created create(EventFields fields, String idempotencyKey) {
        return idempotency.create("events", caller.actor(), idempotencyKey, fields, () -> {
            validation.check(fields);
            Event event = new Event();
            event.id = Ids.next();
            event.createdAt = Records.now();
            apply(event, fields);
            events.persist(event);
            writes.flush();
            writes.written(KIND, event.id, AuditEntry.Operation.CREATE, () -> snapshot(event));
            EventView view = view(event);
            return new Idempotency.Created("/api/v1/events/" + event.id, Versions.tag(event.id, event.version).toString(),
                    idempotency.write(view), false);
        });
    }

    @Write
    public EventView replace(String ref, EventFields fields, String ifMatch) {
        Event event = forWrite(ref);
        Versions.checkIfMatch(ifMatch, event.id, event.version, "The event");
        return rewrite(event, fields);
    }

    /** Applies an RFC 7396 merge patch to the event's writable fields; a patch giving a field the wrong type is a 400. */
    @Write
    public EventView patch(String ref, JsonNode patch, String ifMatch) throws JsonProcessingException {
        Event event = forWrite(ref);
        Versions.checkIfMatch(ifMatch, event.id, event.version, "The event");
        return rewrite(event, MergePatch.apply(json, fields(event), patch, EventFields.class, EventFields.NO_NULL_STATE));
    }

    /** What PUT and PATCH share once they have the new fields: check them, apply them, record the write. */
    private EventView rewrite(Event event, EventFields fields) {
        validation.check(fields);
        PublicationStatus before = event.publicationStatus;
        apply(event, fields);
        writes.flush();
        writes.written(KIND, event.id, AuditEntry.Operation.UPDATE, () -> snapshot(event));
        boolean visibilityChanged = before != event.publicationStatus;
        if (visibilityChanged) {
            // Sessions show their parent only while it is public.
            for (String id : events.childIds(event.id)) {
                writes.lock(Event.class, id).ifPresent(session -> {
                    session.updatedAt = Records.now();
                    writes.follow(KIND, session.id, () -> snapshot(session));
                });
            }
        }
        written.fire(new RecordEvent(KIND, event.id, visibilityChanged ? RecordEvent.Phase.VISIBILITY_CHANGED : RecordEvent.Phase.UPDATED));
        return view(event);
    }

    @Write
    public void delete(String ref, String ifMatch) {
        Event event = forWrite(ref);
        Versions.checkIfMatch(ifMatch, event.id, event.version, "The event");
        List<String> sessions = events.childTitles(event.id);
        if (!sessions.isEmpty()) {
            throw new RegistryException.Conflict("The event has sessions; delete or move them first: "
                    + String.join("; ", sessions));
        }
        written.fire(new RecordEvent(KIND, event.id, RecordEvent.Phase.DELETING));
        events.delete(event);
        writes.flush();
        writes.written(KIND, event.id, AuditEntry.Operation.DELETE, () -> new WritePath.Snapshot(event.slug, event.version, null));
    }

    public Page<EventView> list(EventFilters filters, String sortParam, String limitParam, String cursor) {
        Sort sort = Sort.parse(sortParam, DEFAULT_SORT, SORT_KEYS);
        return paging.page(new Paging.Source<>(Event.class, EventService::sortValue, this::view), where(filters),
                matches(filters), sortParam != null, sort,
                filters.canonical(), limitParam, cursor);
    }

    /** Up to {@code max} events matching the filters, in the order of {@code sortParam}, for a feed. */
    public List<EventView> feed(EventFilters filters, String sortParam, String defaultSort, int max) {
        Sort sort = Sort.parse(sortParam, defaultSort, SORT_KEYS);
        return paging.page(new Paging.Source<>(Event.class, EventService::sortValue, this::view),
                narrowed(filters, matches(filters)), sort, filters.canonical(), max, null).items();
    }

    /**
     * The list ordered for a person's page: events not yet over first, soonest first, then past ones,
     * latest first. The cursor pins the moment that splits the two, so pages never shift.
     */
    public Page<EventView> listUpcomingFirst(EventFilters filters, String limitParam, String cursor) {
        int limit = QueryValues.limit(limitParam);
        Instant now = Records.now();
        boolean past = false;
        String inner = null;
        if (cursor != null) {
            String[] parts = cursor.split("~", 3);
            if (parts.length != 3 || !(parts[0].equals("U") || parts[0].equals("P"))) {
                throw QueryValues.bad("cursor", "is not valid");
            }
            past = parts[0].equals("P");
            now = QueryValues.instant("cursor", parts[1]);
            inner = parts[2].isEmpty() ? null : parts[2];
        }
        String key = filters.canonical() + "|upcoming-first|" + now;
        Paging.Source<Event, EventView> source = new Paging.Source<>(Event.class, EventService::sortValue, this::view);
        // The filters are read (and the engine asked) once; each of the three queries below narrows a copy.
        Where narrowed = narrowed(filters, matches(filters));
        Paging.Count total = paging.count(Event.class, narrowed.copy());
        List<EventView> items = new ArrayList<>();
        if (!past) {
            Page<EventView> upcoming = paging.page(source, running(narrowed.copy(), now),
                    Sort.parse("startsAt", DEFAULT_SORT, SORT_KEYS), key, limit, inner);
            if (upcoming.nextCursor() != null) {
                return new Page<>(upcoming.items(), total.total(), total.exact(), limit, "U~" + now + "~" + upcoming.nextCursor());
            }
            items.addAll(upcoming.items());
            inner = null;
        }
        // An event that ended before now started before it too: the bound on the start lets the index range stop there.
        Where older = narrowed.copy().and("r.endsAt < :now", "now", now).and("r.startsAt < :nowStart", "nowStart", now);
        String next = null;
        if (items.size() < limit) {
            Page<EventView> earlier = paging.page(source, older, Sort.parse("-startsAt", DEFAULT_SORT, SORT_KEYS), key,
                    limit - items.size(), inner);
            items.addAll(earlier.items());
            next = earlier.nextCursor() == null ? null : "P~" + now + "~" + earlier.nextCursor();
        } else if (paging.any(Event.class, older)) {
            next = "P~" + now + "~";
        }
        return new Page<>(items, total.total(), total.exact(), limit, next);
    }

    /**
     * Adds "still running at {@code at}" (ends at or after it), with the start bound that implies: no event lasts longer
     * than the longest one, so none that started before {@code at} minus that can still run, and the index on the start
     * need not be read from its beginning.
     */
    private Where running(Where where, Instant at) {
        Instant earliest = at.minusSeconds(events.longestSpanSeconds());
        // Before the first year an event may start in, the bound selects nothing out (and PostgreSQL cannot take every such date).
        return where.and("r.endsAt >= :from", "from", at)
                .and("r.startsAt >= :fromStart", "fromStart", earliest.isBefore(FIRST_INSTANT) ? null : earliest);
    }

    /** The filters and, when {@code q} is given, only the events the search engine matches (in any order). */
    private Where narrowed(EventFilters f, List<String> matches) {
        // No match at all: an id no record has keeps the list empty.
        return where(f).andAny("r.id in :matches", "matches", matches == null ? null : matches.isEmpty() ? List.of("") : matches);
    }

    /** The events the search engine matches to q (null without q). */
    private List<String> matches(EventFilters f) {
        return text.matching(TextSearch.Kind.EVENT, f.q, caller.canSeeDrafts());
    }

    private Where where(EventFilters f) {
        ZoneId zone = config.defaultTimeZone();
        Instant from = QueryValues.bound("from", f.from, false, zone);
        Instant to = QueryValues.bound("to", f.to, true, zone);
        if (from != null && to != null && from.isAfter(to)) {
            throw QueryValues.bad("to", "must not be before from");
        }
        Set<String> countries = QueryValues.split(f.country).stream().map(String::toUpperCase).collect(Collectors.toSet());
        for (String country : countries) {
            if (!Set.of(java.util.Locale.getISOCountries()).contains(country)) {
                throw QueryValues.bad("country", "'" + country + "' is not an ISO 3166-1 alpha-2 code");
            }
        }
        List<String> parents = new ArrayList<>();
        for (String ref : QueryValues.split(f.parent)) {
            // A parent the caller may not see is an unknown one: nothing matches it.
            parents.add(events.findByRef(ref).filter(this::canSee).map(e -> e.id).orElse(""));
        }
        Where where = new Where()
                .andEqual("r.publicationStatus", "visible", caller.canSeeDrafts() ? null : PublicationStatus.PUBLISHED);
        if (from != null) {
            running(where, from);
        }
        return where
                .and("r.startsAt <= :to", "to", to)
                .andAny("r.type in :types", "types", QueryValues.enums("type", f.type, EventType.class))
                .andAny("r.status in :statuses", "statuses", QueryValues.enums("status", f.status, EventStatus.class))
                .andAny("r.format in :formats", "formats", QueryValues.enums("format", f.format, EventFormat.class))
                .andAny("r.publicationStatus in :publication", "publication",
                        QueryValues.enums("publicationStatus", f.publicationStatus, PublicationStatus.class))
                .andAny("r.venue.country in :countries", "countries", countries)
                .andAnyNarrow("r.venue.cityKey in :cities", "cities", keys(f.city))
                .andAnyNarrow("r.id in (select t.id from Event t join t.topics topic where topic.key in :topics)", "topics", keys(f.topic))
                .andAnyNarrow("r.seriesKey in :series", "series", keys(f.series))
                .andAny("r.language in :languages", "languages",
                        QueryValues.split(f.language).stream().map(LanguageTag.Check::canonical).collect(Collectors.toSet()))
                .andAnyNarrow("r.parent.id in :parents", "parents", parents)
                .andAnyNarrow("r.id in (select p.event.id from Participation p where p.speaker.id in :speakers or p.speaker.slug in :speakers)",
                        "speakers", QueryValues.split(f.speaker))
                .and("r.updatedAt >= :updatedSince", "updatedSince", QueryValues.instant("updatedSince", f.updatedSince));
    }

    private static Set<String> keys(List<String> values) {
        return QueryValues.split(values).stream().map(Slugs::key).collect(Collectors.toSet());
    }

    private static Object sortValue(Event event, String key) {
        return switch (key) {
            case "startsAt" -> event.startsAt;
            case "endsAt" -> event.endsAt;
            case "title" -> event.title;
            case "createdAt" -> event.createdAt;
            case "updatedAt" -> event.updatedAt;
            case "id" -> event.id;
            default -> throw new IllegalStateException("No value for sort key " + key);
        };
    }

    private boolean canSee(Event event) {
        return event.publicationStatus == PublicationStatus.PUBLISHED || caller.canSeeDrafts();
    }

    private Event find(String ref) {
        return events.findByRef(ref).orElseThrow(() -> notFound(ref));
    }

    private static RegistryException.NotFound notFound(String ref) {
        return new RegistryException.NotFound("No event has the id or slug '" + ref + "'");
    }

    /** Copies validated fields onto the entity; the checks that need the database or several fields happen here. */
    private void apply(Event event, EventFields f) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = ZoneId.of(f.timeZone());
        if (f.endsAt().isBefore(f.startsAt())) {
            errors.add(new FieldError("/endsAt", "must not be before startsAt"));
        }
        Validation.yearInRange(f.startsAt(), "/startsAt").ifPresent(errors::add);
        Validation.yearInRange(f.endsAt(), "/endsAt").ifPresent(errors::add);
        Event parent = null;
        if (f.parentEvent() != null) {
            parent = events.findByRef(f.parentEvent()).orElse(null);
            if (parent == null) {
                errors.add(new FieldError("/parentEvent", "no event has the id or slug '" + f.parentEvent() + "'"));
            } else if (isSelfOrAncestor(event, parent)) {
                errors.add(new FieldError("/parentEvent", "an event cannot be a session of itself or of its own sessions"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RegistryException.Invalid(errors);
        }
        event.slug = writes.slug(KIND, f.slug(), event.slug, f.title(), slug -> events.slugTaken(slug, event.id));
        event.title = f.title().strip();
        event.subtitle = Records.blankToNull(f.subtitle());
        event.summary = Records.blankToNull(f.summary());
        event.description = RichText.sanitise(f.description(), 100_000, "/description");
        event.type = f.type();
        // Created published unless said otherwise; a replace that leaves the status out keeps it (never publishes).
        event.publicationStatus = Objects.requireNonNullElse(f.publicationStatus(),
                Objects.requireNonNullElse(event.publicationStatus, PublicationStatus.PUBLISHED));
        event.status = Objects.requireNonNullElse(f.status(), EventStatus.SCHEDULED);
        event.format = Objects.requireNonNullElse(f.format(), EventFormat.IN_PERSON);
        event.startsAt = f.startsAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        event.endsAt = f.endsAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        event.spanSeconds = Math.max(0, java.time.Duration.between(event.startsAt, event.endsAt).toSeconds()) + 1;
        event.timeZone = zone.getId();
        VenueFields venue = f.venue() == null ? new VenueFields(null, null, null, null) : f.venue();
        if (event.venue == null) {
            // Hibernate loads an all-null embeddable as null (a @PostLoad default would make every load dirty).
            event.venue = new Venue();
        }
        event.venue.name = Records.blankToNull(venue.name());
        event.venue.address = Records.blankToNull(venue.address());
        event.venue.city = Records.blankToNull(venue.city());
        event.venue.cityKey = Slugs.key(event.venue.city);
        event.venue.country = venue.country();
        event.onlineUrl = f.onlineUrl();
        event.registrationUrl = f.registrationUrl();
        event.imageUrl = f.imageUrl();
        event.topics.clear();
        event.topics.addAll(Records.topics(f.topics()));
        event.language = LanguageTag.Check.canonical(f.language());
        event.series = Records.blankToNull(f.series());
        event.seriesKey = Slugs.key(event.series);
        event.parent = parent;
        event.updatedAt = Records.now();
    }

    private boolean isSelfOrAncestor(Event event, Event parent) {
        if (event.id == null) {
            return false;
        }
        for (Event e = parent; e != null; e = e.parent) {
            if (e.id.equals(event.id)) {
                return true;
            }
        }
        return false;
    }






    EventFields fields(Event e) {
        return new EventFields(e.slug, e.title, e.subtitle, e.summary, e.description, e.type, e.publicationStatus, e.status,
                e.format, at(e.startsAt, e.timeZone), at(e.endsAt, e.timeZone), e.timeZone, venue(e),
                e.onlineUrl, e.registrationUrl, e.imageUrl, e.topics.stream().map(t -> t.name).toList(), e.language,
                e.series, e.parent == null ? null : e.parent.id);
    }

    EventView view(Event e) {
        return view(e, caller.canSeeDrafts());
    }

    /** The event; its parent shows only to those who may see it. */
    private EventView view(Event e, boolean staffView) {
        Event parent = e.parent == null || !(staffView || e.parent.publicationStatus == PublicationStatus.PUBLISHED) ? null : e.parent;
        return new EventView(e.id, e.slug, e.title, e.subtitle, e.summary, e.description, e.type, e.publicationStatus,
                e.status, e.format, at(e.startsAt, e.timeZone), at(e.endsAt, e.timeZone), e.timeZone, venue(e),
                e.onlineUrl, e.registrationUrl, e.imageUrl, e.topics.stream().map(t -> t.name).toList(), e.language,
                e.series, parent == null ? null : parent.id, e.createdAt, e.updatedAt, e.version, null, null);
    }

    private static VenueFields venue(Event e) {
        if (e.venue == null) {
            return null;
        }
        VenueFields venue = new VenueFields(e.venue.name, e.venue.address, e.venue.city, e.venue.country);
        return venue.isEmpty() ? null : venue;
    }

    private static OffsetDateTime at(Instant instant, String zone) {
        return instant.atZone(ZoneId.of(zone)).toOffsetDateTime();
    }
}
