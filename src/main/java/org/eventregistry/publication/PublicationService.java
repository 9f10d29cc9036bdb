package org.eventregistry.publication;

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
import jakarta.enterprise.event.Observes;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.http.Idempotency;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.validation.LanguageTag;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.paging.Page;
import org.eventregistry.platform.paging.Paging;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.platform.http.QueryValues;
import org.eventregistry.platform.record.Records;
import org.eventregistry.platform.record.Ref;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.text.RichText;
import org.eventregistry.platform.search.TextSearch;
import org.eventregistry.platform.text.Slugs;
import org.eventregistry.platform.paging.Sort;
import org.eventregistry.platform.paging.SortKey;
import org.eventregistry.platform.validation.Validation;
import org.eventregistry.platform.http.Versions;
import org.eventregistry.platform.paging.Where;
import org.eventregistry.event.Event;
import org.eventregistry.event.EventRepository;
import org.eventregistry.speaker.Speaker;
import org.eventregistry.speaker.SpeakerRepository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Publishes, changes, deletes and lists publications with their authors and related events. */
@ApplicationScoped
public class PublicationService {

    /** The search engine behind {@code q}. */
    @Inject
    TextSearch text;

    static final String KIND = "publication";
    static final Map<String, SortKey> SORT_KEYS = Map.of(
            "publishedOn", new SortKey("publishedOn", "publishedOn", SortKey.Kind.DATE, true),
            "title", new SortKey("title", "title", SortKey.Kind.TEXT),
            "createdAt", new SortKey("createdAt", "createdAt", SortKey.Kind.INSTANT),
            "updatedAt", new SortKey("updatedAt", "updatedAt", SortKey.Kind.INSTANT));
    static final String DEFAULT_SORT = "-publishedOn";

    private final PublicationRepository publications;
    private final SpeakerRepository speakers;
    private final EventRepository events;
    private final Validation validation;
    private final Idempotency idempotency;
    private final Paging paging;
    private final ObjectMapper json;
    private final Caller caller;
    private final WritePath writes;

    public PublicationService(PublicationRepository publications, SpeakerRepository speakers, EventRepository events,
                              Validation validation, Idempotency idempotency, Paging paging, ObjectMapper json,
                              Caller caller, WritePath writes) {
        this.writes = writes;
        this.publications = publications;
        this.speakers = speakers;
        this.events = events;
        this.validation = validation;
        this.idempotency = idempotency;
        this.paging = paging;
        this.json = json;
        this.caller = caller;
    }

    public PublicationView get(String ref) {
        return view(visible(ref));
    }

    /** The publication entity as the caller may see it (a draft is missing to the public), for citations. */
    Publication visible(String ref) {
        Publication p = find(ref);
        if (p.publicationStatus == PublicationStatus.DRAFT && !caller.canSeeDrafts()) {
            throw notFound(ref);
        }
        return p;
    }

    @Write
    public Idempotency.Created create(PublicationFields fields, String idempotencyKey) {
        return idempotency.create("publications", caller.actor(), idempotencyKey, fields, () -> {
            validation.check(fields);
            Publication p = new Publication();
            p.id = Ids.next();
            p.createdAt = Records.now();
            apply(p, fields);
            publications.persist(p);
            writes.flush();
            writes.written(KIND, p.id, AuditEntry.Operation.CREATE, () -> snapshot(p));
            return new Idempotency.Created("/api/v1/publications/" + p.id, Versions.tag(p.id, p.version).toString(),
                    idempotency.write(view(p)), false);
        });
    }

    @Write
    public PublicationView replace(String ref, PublicationFields fields, String ifMatch) {
        Publication p = writes.lock(find(ref));
        Versions.checkIfMatch(ifMatch, p.id, p.version, "The publication");
        return rewrite(p, fields);
    }

    @Write
    public PublicationView patch(String ref, JsonNode patch, String ifMatch) throws JsonProcessingException {
        Publication p = writes.lock(find(ref));
        Versions.checkIfMatch(ifMatch, p.id, p.version, "The publication");
        return rewrite(p, MergePatch.apply(json, fields(p), patch, PublicationFields.class, PublicationFields.NO_NULL_STATE));
    }

    /** What PUT and PATCH share once they have the new fields: check them, apply them, record the write. */
    private PublicationView rewrite(Publication p, PublicationFields fields) {
        validation.check(fields);
        apply(p, fields);
        updated(p);
        return view(p);
    }

    @Write
    public void delete(String ref, String ifMatch) {
        Publication p = writes.lock(find(ref));
        Versions.checkIfMatch(ifMatch, p.id, p.version, "The publication");
        publications.delete(p);
        writes.flush();
        writes.written(KIND, p.id, AuditEntry.Operation.DELETE, () -> new WritePath.Snapshot(p.slug, p.version, null));
    }

    public Page<PublicationView> list(PublicationFilters filters, String sortParam, String limit, String cursor) {
        Sort sort = Sort.parse(sortParam, DEFAULT_SORT, SORT_KEYS);
        return paging.page(new Paging.Source<>(Publication.class, PublicationService::sortValue, this::view), where(filters),
                text.matching(TextSearch.Kind.PUBLICATION, filters.q, caller.canSeeDrafts()), sortParam != null, sort,
                filters.canonical(), limit, cursor);
    }

    /** Up to {@code max} publications matching the filters, in the order of {@code sortParam}, for a feed. */
    public List<PublicationView> feed(PublicationFilters filters, String sortParam, int max) {
        Sort sort = Sort.parse(sortParam, DEFAULT_SORT, SORT_KEYS);
        Where where = where(filters);
        List<String> matches = text.matching(TextSearch.Kind.PUBLICATION, filters.q, caller.canSeeDrafts());
        if (matches != null && matches.isEmpty()) {
            return List.of();
        }
        return paging.page(new Paging.Source<>(Publication.class, PublicationService::sortValue, this::view),
                where.andAny("r.id in :matches", "matches", matches), sort, filters.canonical(), max, null).items();
    }

    /** A citation's text and the slug to name its file after. */
    public record Cited(String text, String slug) {
    }

    public Cited cite(String ref, Citation format) {
        Publication p = visible(ref);
        return new Cited(format.write(p, json), p.slug);
    }

    /** A speaker's publications, newest first. */
    public Page<PublicationView> byAuthor(String speakerRef, PublicationFilters filters, String sortParam, String limit, String cursor) {
        Speaker speaker = speakers.findByRef(speakerRef)
                .orElseThrow(() -> new RegistryException.NotFound("No speaker has the id or slug '" + speakerRef + "'"));
        if (filters.author != null && !filters.author.isEmpty()) {
            throw QueryValues.bad("author", "is given by the path; drop the author parameter");
        }
        filters.author = List.of(speaker.id);
        return list(filters, sortParam, limit, cursor);
    }

    /** The visible publications related to each of the events, in one query, for include=publications. */
    public Map<String, List<PublicationView>> forEvents(Collection<String> eventIds) {
        Map<String, List<PublicationView>> result = new HashMap<>();
        if (eventIds.isEmpty()) {
            return result;
        }
        Where where = new Where()
                .andAny("e.id in :ids", "ids", eventIds)
                .and("p.publicationStatus = :published", "published", caller.canSeeDrafts() ? null : PublicationStatus.PUBLISHED);
        List<Object[]> rows = where.bind(publications.getEntityManager().createQuery(
                        "select e.id, p from Publication p join p.relatedEvents e" + where.clause()
                                + " order by p.publishedOn desc nulls last, p.id", Object[].class))
                .getResultList();
        rows.forEach(row -> result.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(view((Publication) row[1])));
        return result;
    }

    private Where where(PublicationFilters f) {
        Where where = new Where();
        LocalDate from = f.publishedFrom == null ? null : date("publishedFrom", f.publishedFrom).first();
        LocalDate to = f.publishedTo == null ? null : date("publishedTo", f.publishedTo).last();
        if (from != null && to != null && from.isAfter(to)) {
            throw QueryValues.bad("publishedTo", "must not be before publishedFrom");
        }
        return where
                .andEqual("r.publicationStatus", "visible", caller.canSeeDrafts() ? null : PublicationStatus.PUBLISHED)
                .andAny("r.type in :types", "types", QueryValues.enums("type", f.type, PublicationType.class))
                .andAny("r.publicationStatus in :statuses", "statuses",
                        QueryValues.enums("publicationStatus", f.publicationStatus, PublicationStatus.class))
                .andAnyNarrow("r.id in (select a.publication.id from Authorship a where a.speaker.id in :authors or a.speaker.slug in :authors)",
                        "authors", QueryValues.split(f.author))
                .andAnyNarrow("r.id in (select t.id from Publication t join t.topics topic where topic.key in :topics)", "topics", keys(f.topic))
                .andAnyNarrow("r.periodicalKey in :periodicals", "periodicals", keys(f.periodical))
                .andAny("r.volume in :volumes", "volumes", QueryValues.split(f.volume))
                .andAny("r.issue in :issues", "issues", QueryValues.split(f.issue))
                .andAny("r.language in :languages", "languages",
                        QueryValues.split(f.language).stream().map(LanguageTag.Check::canonical).collect(Collectors.toSet()))
                .and("r.publishedOn >= :from", "from", from)
                .and("r.publishedOn <= :to", "to", to)
                .andAny("r.id in (select t.id from Publication t join t.relatedEvents e where (e.id in :events or e.slug in :events)"
                        + (caller.canSeeDrafts() ? "" : " and e.publicationStatus = 'PUBLISHED'") + ")",
                        "events", QueryValues.split(f.event))
                .and("r.updatedAt >= :updatedSince", "updatedSince", QueryValues.instant("updatedSince", f.updatedSince));
    }

    private static PublishedDate date(String param, String value) {
        return PublishedDate.parse(value.strip())
                .orElseThrow(() -> QueryValues.bad(param, "must be a year, month or day such as 2015, 2015-10 or 2015-10-05"));
    }

    private static Set<String> keys(List<String> values) {
        return QueryValues.split(values).stream().map(Slugs::key).collect(Collectors.toSet());
    }

    private static Object sortValue(Publication p, String key) {
        return switch (key) {
            case "publishedOn" -> p.publishedOn;
            case "title" -> p.title;
            case "createdAt" -> p.createdAt;
            case "updatedAt" -> p.updatedAt;
            case "id" -> p.id;
            default -> throw new IllegalStateException("No value for sort key " + key);
        };
    }

    private Publication find(String ref) {
        return publications.findByRef(ref).orElseThrow(() -> notFound(ref));
    }

    private static RegistryException.NotFound notFound(String ref) {
        return new RegistryException.NotFound("No publication has the id or slug '" + ref + "'");
    }

    private void apply(Publication p, PublicationFields f) {
        List<FieldError> errors = new ArrayList<>();
        PublishedDate published = null;
        if (f.publishedOn() != null) {
            published = PublishedDate.parse(f.publishedOn()).orElse(null);
            if (published == null) {
                errors.add(new FieldError("/publishedOn", "must be a real year, month or day such as 2015, 2015-10 or 2015-10-05"));
            }
        }
        List<Speaker> authors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Ref> authorRefs = f.authors() == null ? List.of() : f.authors();
        for (int i = 0; i < authorRefs.size(); i++) {
            Speaker speaker = speakers.findByRef(authorRefs.get(i).value()).orElse(null);
            if (speaker == null) {
                errors.add(new FieldError("/authors/" + i, "no speaker has the id or slug '" + authorRefs.get(i).value() + "'"));
            } else if (!seen.add(speaker.id)) {
                errors.add(new FieldError("/authors/" + i, "the speaker is already an author of this publication"));
            } else {
                authors.add(speaker);
            }
        }
        Set<Event> related = new LinkedHashSet<>();
        List<Ref> eventRefs = f.relatedEvents() == null ? List.of() : f.relatedEvents();
        for (int i = 0; i < eventRefs.size(); i++) {
            Event event = events.findByRef(eventRefs.get(i).value()).orElse(null);
            if (event == null) {
                errors.add(new FieldError("/relatedEvents/" + i, "no event has the id or slug '" + eventRefs.get(i).value() + "'"));
            } else {
                related.add(event);
            }
        }
        if (!errors.isEmpty()) {
            throw new RegistryException.Invalid(errors);
        }
        p.slug = writes.slug(KIND, f.slug(), p.slug, f.title(), slug -> publications.slugTaken(slug, p.id));
        p.type = f.type();
        p.title = f.title().strip();
        p.subtitle = Records.blankToNull(f.subtitle());
        p.abstractText = RichText.sanitise(f.summary(), 20_000, "/abstract");
        p.body = RichText.sanitise(f.body(), 500_000, "/body");
        p.publishedOn = published == null ? null : published.first();
        p.publishedPrecision = published == null ? null : published.precision();
        Periodical periodical = f.periodical() == null ? new Periodical(null, null, null, null) : f.periodical();
        p.periodicalName = Records.blankToNull(periodical.name());
        p.periodicalKey = Slugs.key(p.periodicalName);
        p.volume = Records.blankToNull(periodical.volume());
        p.issue = Records.blankToNull(periodical.issue());
        p.pages = Records.blankToNull(periodical.pages());
        p.publisher = Records.blankToNull(f.publisher());
        p.doi = f.doi() == null ? null : Doi.Check.bare(f.doi());
        p.isbn = f.isbn() == null ? null : Isbn.Check.isbn13(f.isbn());
        p.url = f.url();
        p.imageUrl = f.imageUrl();
        p.language = LanguageTag.Check.canonical(f.language());
        p.topics.clear();
        p.topics.addAll(Records.topics(f.topics()));
        // Created published unless said otherwise; a replace that leaves the status out keeps it (never publishes).
        p.publicationStatus = f.publicationStatus() != null ? f.publicationStatus()
                : p.publicationStatus != null ? p.publicationStatus : PublicationStatus.PUBLISHED;
        setAuthors(p, authors);
        p.relatedEvents.clear();
        p.relatedEvents.addAll(related);
        p.updatedAt = Records.now();
    }

    /** Rewrites the author list in order, keeping the rows of authors who stay. */
    private void setAuthors(Publication p, List<Speaker> authors) {
        Map<String, Authorship> existing = p.authors.stream().collect(Collectors.toMap(a -> a.speaker.id, a -> a));
        p.authors.removeIf(a -> authors.stream().noneMatch(s -> s.id.equals(a.speaker.id)));
        List<Authorship> ordered = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            Authorship a = existing.get(authors.get(i).id);
            if (a == null) {
                a = new Authorship();
                a.id = Ids.next();
                a.publication = p;
                a.speaker = authors.get(i);
            }
            a.position = i;
            ordered.add(a);
        }
        p.authors.clear();
        p.authors.addAll(ordered);
    }

    PublicationFields fields(Publication p) {
        return new PublicationFields(p.slug, p.type, p.title, p.subtitle, p.abstractText, p.body, published(p), periodical(p),
                p.publisher, p.doi, p.isbn, p.url, p.imageUrl, p.language, p.topics.stream().map(t -> t.name).toList(),
                p.publicationStatus, p.authors.stream().map(a -> new Ref(a.speaker.id, null)).toList(),
                p.relatedEvents.stream().map(e -> new Ref(e.id, null)).toList());
    }

    private void updated(Publication p) {
        writes.flush();
        writes.written(KIND, p.id, AuditEntry.Operation.UPDATE, () -> snapshot(p));
    }

    /** The publication as the change log shows it: the public view, or none for a draft. */
    private WritePath.Snapshot snapshot(Publication p) {
        return new WritePath.Snapshot(p.slug, p.version, p.publicationStatus == PublicationStatus.PUBLISHED ? view(p, false) : null);
    }

    /**
     * Keeps publications right when what they show changes: an updated event or speaker republishes the
     * publications showing it; a deleted one is first taken out of their related events or author lists.
     */
    void follow(@Observes RecordEvent written) {
        boolean event = written.kind().equals("event");
        if (!event && !written.kind().equals("speaker")) {
            return;
        }
        List<String> ids = publications.getEntityManager().createQuery(event
                        ? "select distinct p.id from Publication p join p.relatedEvents e where e.id = :id"
                        : "select distinct p.id from Publication p join p.authors a where a.speaker.id = :id", String.class)
                .setParameter("id", written.id()).getResultList();
        for (String id : ids.stream().sorted().toList()) {
            Publication p = writes.lock(Publication.class, id).orElse(null);
            if (p == null) {
                continue;
            }
            if (written.phase() == RecordEvent.Phase.DELETING) {
                if (event) {
                    p.relatedEvents.removeIf(e -> e.id.equals(written.id()));
                } else {
                    setAuthors(p, p.authors.stream().map(a -> a.speaker).filter(s -> !s.id.equals(written.id())).toList());
                }
                p.updatedAt = Records.now();
                updated(p);
            } else {
                // What it shows of the event or author changed: a new revision of the publication.
                p.updatedAt = Records.now();
                writes.follow(KIND, p.id, () -> snapshot(p));
            }
        }
    }

    PublicationView view(Publication p) {
        return view(p, caller.canSeeDrafts());
    }

    /** The publication; related events that are drafts show only in a staff view. */
    PublicationView view(Publication p, boolean staffView) {
        return new PublicationView(p.id, p.slug, p.type, p.title, p.subtitle, p.abstractText, p.body, published(p), periodical(p),
                p.publisher, p.doi, p.isbn, p.url, p.imageUrl, p.language, p.topics.stream().map(t -> t.name).toList(),
                p.publicationStatus,
                p.authors.stream().map(a -> new PublicationView.Author(a.speaker.id, a.speaker.slug, a.speaker.displayName,
                        a.speaker.givenName, a.speaker.familyName, a.speaker.affiliation)).toList(),
                p.relatedEvents.stream().filter(e -> staffView || e.publicationStatus == PublicationStatus.PUBLISHED)
                        .map(e -> new PublicationView.RelatedEvent(e.id, e.slug, e.title,
                                e.startsAt.atZone(ZoneId.of(e.timeZone)).toOffsetDateTime())).toList(),
                p.createdAt, p.updatedAt, p.version);
    }

    static String published(Publication p) {
        return p.publishedOn == null ? null : new PublishedDate(p.publishedOn, p.publishedPrecision).toString();
    }

    private static Periodical periodical(Publication p) {
        Periodical periodical = new Periodical(p.periodicalName, p.volume, p.issue, p.pages);
        return periodical.isEmpty() ? null : periodical;
    }
}
