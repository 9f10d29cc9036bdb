package org.eventregistry.speaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import org.eventregistry.access.AuditEntry;
import org.eventregistry.access.Caller;
import org.eventregistry.change.Write;
import org.eventregistry.change.WritePath;
import org.eventregistry.platform.record.RecordEvent;
import jakarta.enterprise.event.Event;
import org.eventregistry.platform.text.Collation;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.http.Idempotency;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.paging.Page;
import org.eventregistry.platform.paging.Paging;
import org.eventregistry.platform.http.QueryValues;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.record.Records;
import org.eventregistry.platform.text.RichText;
import org.eventregistry.platform.search.TextSearch;
import org.eventregistry.platform.text.Slugs;
import org.eventregistry.platform.paging.Sort;
import org.eventregistry.platform.paging.SortKey;
import org.eventregistry.platform.validation.Validation;
import org.eventregistry.platform.http.Versions;
import org.eventregistry.platform.paging.Where;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Registers, changes, deletes and lists speakers; owns their transactions and rules, and hides private fields. */
@ApplicationScoped
public class SpeakerService {

    /** The search engine behind {@code q}. */
    @Inject
    TextSearch text;

    static final String KIND = "speaker";
    private static final int MAX_SORT_KEY = 1000;
    private static final String COLLATION_SETTING = "speaker-collation";
    static final Map<String, SortKey> SORT_KEYS = Map.of(
            "familyName", new SortKey("familyName", "familySortKey", SortKey.Kind.TEXT),
            "displayName", new SortKey("displayName", "displayName", SortKey.Kind.TEXT),
            "createdAt", new SortKey("createdAt", "createdAt", SortKey.Kind.INSTANT),
            "updatedAt", new SortKey("updatedAt", "updatedAt", SortKey.Kind.INSTANT));

    private final SpeakerRepository speakers;
    private final Validation validation;
    private final Idempotency idempotency;
    private final Paging paging;
    private final Collation collation;
    private final ObjectMapper json;
    private final Caller caller;
    private final WritePath writes;
    private final Event<RecordEvent> written;

    public SpeakerService(SpeakerRepository speakers, Validation validation, Idempotency idempotency, Paging paging,
                          Collation collation, ObjectMapper json, Caller caller, WritePath writes,
                          Event<RecordEvent> written) {
        this.writes = writes;
        this.written = written;
        this.speakers = speakers;
        this.validation = validation;
        this.idempotency = idempotency;
        this.paging = paging;
        this.collation = collation;
        this.json = json;
        this.caller = caller;
    }

    public SpeakerView get(String ref) {
        return view(find(ref));
    }

    @Write
    public Idempotency.Created create(SpeakerFields fields, String idempotencyKey) {
        return idempotency.create("speakers", caller.actor(), idempotencyKey, fields, () -> {
            validation.check(fields);
            Speaker speaker = new Speaker();
            speaker.id = Ids.next();
            speaker.createdAt = Records.now();
            apply(speaker, fields);
            speakers.persist(speaker);
            writes.flush();
            writes.written(KIND, speaker.id, AuditEntry.Operation.CREATE, () -> snapshot(speaker));
            return new Idempotency.Created("/api/v1/speakers/" + speaker.id, Versions.tag(speaker.id, speaker.version).toString(),
                    idempotency.write(view(speaker)), false);
        });
    }

    @Write
    public SpeakerView replace(String ref, SpeakerFields fields, String ifMatch) {
        Speaker speaker = writes.lock(find(ref));
        Versions.checkIfMatch(ifMatch, speaker.id, speaker.version, "The speaker");
        return rewrite(speaker, fields);
    }

    /** Applies an RFC 7396 merge patch to the writable fields, private ones included (only staff can write). */
    @Write
    public SpeakerView patch(String ref, JsonNode patch, String ifMatch) throws JsonProcessingException {
        Speaker speaker = writes.lock(find(ref));
        Versions.checkIfMatch(ifMatch, speaker.id, speaker.version, "The speaker");
        return rewrite(speaker, MergePatch.apply(json, fields(speaker), patch, SpeakerFields.class));
    }

    /** What PUT and PATCH share once they have the new fields: check them, apply them, record the write. */
    private SpeakerView rewrite(Speaker speaker, SpeakerFields fields) {
        validation.check(fields);
        apply(speaker, fields);
        updated(speaker);
        return view(speaker);
    }

    /**
     * Deletes a speaker. One still in line-ups or author lists is a 409 naming the events and publications,
     * unless {@code unlink} says to remove the speaker from them too.
     */
    @Write
    public void delete(String ref, String ifMatch, boolean unlink) {
        Speaker speaker = writes.lock(find(ref));
        Versions.checkIfMatch(ifMatch, speaker.id, speaker.version, "The speaker");
        List<String> events = speakers.eventTitles(speaker.id);
        List<String> writings = speakers.publicationTitles(speaker.id);
        if ((!events.isEmpty() || !writings.isEmpty()) && !unlink) {
            List<String> uses = new ArrayList<>();
            if (!events.isEmpty()) {
                uses.add("in the line-ups of: " + String.join("; ", events));
            }
            if (!writings.isEmpty()) {
                uses.add("an author of: " + String.join("; ", writings));
            }
            throw new RegistryException.Conflict("The speaker is " + String.join(", and ", uses)
                    + ". Remove them there first, or delete with unlink=true to remove them from those events and author lists too");
        }
        // The line-ups and author lists drop the speaker themselves: those are writes of their own.
        written.fire(new RecordEvent(KIND, speaker.id, RecordEvent.Phase.DELETING));
        speakers.delete(speaker);
        writes.flush();
        writes.written(KIND, speaker.id, AuditEntry.Operation.DELETE, () -> new WritePath.Snapshot(speaker.slug, speaker.version, null));
    }

    public Page<SpeakerView> list(SpeakerFilters filters, String sortParam, String limit, String cursor) {
        Sort sort = Sort.parse(sortParam, "familyName", SORT_KEYS);
        return paging.page(new Paging.Source<>(Speaker.class, SpeakerService::sortValue, this::view), where(filters),
                text.matching(TextSearch.Kind.SPEAKER, filters.q, caller.canSeeDrafts()), sortParam != null, sort,
                filters.canonical(), limit, cursor);
    }

    private Where where(SpeakerFilters f) {
        Set<String> countries = QueryValues.split(f.country).stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String country : countries) {
            if (!org.eventregistry.platform.validation.CountryCode.CODES.contains(country)) {
                throw QueryValues.bad("country", "'" + country + "' is not an ISO 3166-1 alpha-2 code");
            }
        }
        // Appearances in draft events count only for callers who may see drafts.
        String visibleEvent = caller.canSeeDrafts() ? "" : " and p.event.publicationStatus = 'PUBLISHED'";
        return new Where()
                .andAny("r.affiliationKey in :affiliations", "affiliations", keys(f.affiliation))
                .andAny("r.country in :countries", "countries", countries)
                .andAny("r.id in (select s.id from Speaker s join s.topics topic where topic.key in :topics)", "topics", keys(f.topic))
                .andAny("r.id in (select p.speaker.id from Participation p where p.role in :roles" + visibleEvent + ")", "roles",
                        QueryValues.enums("role", f.role, SpeakerRole.class))
                .andAny("r.id in (select p.speaker.id from Participation p where (p.event.id in :events or p.event.slug in :events)"
                        + visibleEvent + ")", "events", QueryValues.split(f.event))
                .and("r.updatedAt >= :updatedSince", "updatedSince", QueryValues.instant("updatedSince", f.updatedSince));
    }

    private static Set<String> keys(List<String> values) {
        return QueryValues.split(values).stream().map(Slugs::key).collect(Collectors.toSet());
    }

    private static Object sortValue(Speaker s, String key) {
        return switch (key) {
            case "familyName" -> s.familySortKey;
            case "displayName" -> s.displayName;
            case "createdAt" -> s.createdAt;
            case "updatedAt" -> s.updatedAt;
            case "id" -> s.id;
            default -> throw new IllegalStateException("No value for sort key " + key);
        };
    }

    private Speaker find(String ref) {
        return speakers.findByRef(ref).orElseThrow(() -> new RegistryException.NotFound("No speaker has the id or slug '" + ref + "'"));
    }

    private void apply(Speaker s, SpeakerFields f) {
        String given = Records.blankToNull(f.givenName());
        String family = Records.blankToNull(f.familyName());
        String display = Records.blankToNull(f.displayName());
        if (display == null && family == null && given == null) {
            throw new RegistryException.Invalid(List.of(new FieldError("/familyName", "a family name or a display name is required")));
        }
        if (display == null) {
            display = Stream.of(given, family).filter(n -> n != null).collect(Collectors.joining(" "));
        }
        s.slug = writes.slug(KIND, f.slug(), s.slug, display, slug -> speakers.slugTaken(slug, s.id));
        s.honorific = Records.blankToNull(f.honorific());
        s.givenName = given;
        s.familyName = family;
        s.displayName = display;
        s.familySortKey = sortKey(family != null ? family : display, given);
        s.position = Records.blankToNull(f.position());
        s.affiliation = Records.blankToNull(f.affiliation());
        s.affiliationKey = Slugs.key(s.affiliation);
        s.country = f.country();
        s.bio = RichText.sanitise(f.bio(), 20_000, "/bio");
        s.photoUrl = f.photoUrl();
        SpeakerLinks links = f.links() == null ? new SpeakerLinks(null, null, null) : f.links();
        s.website = links.website();
        s.orcid = links.orcid() == null ? null : Orcid.Check.bare(links.orcid());
        s.profiles.clear();
        if (links.profiles() != null) {
            links.profiles().stream().distinct().forEach(s.profiles::add);
        }
        s.topics.clear();
        s.topics.addAll(Records.topics(f.topics()));
        s.email = Records.blankToNull(f.email());
        s.phone = Records.blankToNull(f.phone());
        s.updatedAt = Records.now();
    }

    private String sortKey(String family, String given) {
        String key = collation.sortKey(given == null ? family : family + "\u0001" + given);
        return key.length() > MAX_SORT_KEY ? key.substring(0, MAX_SORT_KEY) : key;
    }

    /** Remakes the stored sort keys when registry.collation changed since they were made. */
    void checkCollation(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = speakers.getEntityManager();
            List<?> stored = em.createNativeQuery("select setting_value from instance_setting where name = :name")
                    .setParameter("name", COLLATION_SETTING).getResultList();
            String wanted = collation.languageTag();
            if (!stored.isEmpty() && stored.get(0).equals(wanted)) {
                return;
            }
            for (Speaker s : speakers.all()) {
                s.familySortKey = sortKey(s.familyName != null ? s.familyName : s.displayName, s.givenName);
            }
            em.createNativeQuery("delete from instance_setting where name = :name").setParameter("name", COLLATION_SETTING).executeUpdate();
            em.createNativeQuery("insert into instance_setting (name, setting_value) values (:name, :value)")
                    .setParameter("name", COLLATION_SETTING).setParameter("value", wanted).executeUpdate();
        });
    }






    SpeakerFields fields(Speaker s) {
        return new SpeakerFields(s.slug, s.honorific, s.givenName, s.familyName, s.displayName, s.position, s.affiliation,
                s.country, s.bio, s.photoUrl, links(s), s.topics.stream().map(t -> t.name).toList(), s.email, s.phone);
    }

    private void updated(Speaker speaker) {
        writes.flush();
        writes.written(KIND, speaker.id, AuditEntry.Operation.UPDATE, () -> snapshot(speaker));
        written.fire(new RecordEvent(KIND, speaker.id, RecordEvent.Phase.UPDATED));
    }

    /** The speaker as the change log shows it: always public, never with the private fields. */
    private WritePath.Snapshot snapshot(Speaker speaker) {
        return new WritePath.Snapshot(speaker.slug, speaker.version, view(speaker, false));
    }

    public SpeakerView view(Speaker s) {
        return view(s, caller.canSeePrivateFields());
    }

    /** The speaker with or without the private fields; the change stream always takes it without. */
    SpeakerView view(Speaker s, boolean privateFields) {
        return new SpeakerView(s.id, s.slug, s.honorific, s.givenName, s.familyName, s.displayName, s.position, s.affiliation,
                s.country, s.bio, s.photoUrl, links(s), s.topics.stream().map(t -> t.name).toList(),
                privateFields ? s.email : null, privateFields ? s.phone : null, s.createdAt, s.updatedAt, s.version);
    }

    private static SpeakerLinks links(Speaker s) {
        SpeakerLinks links = new SpeakerLinks(s.website, s.orcid, List.copyOf(s.profiles));
        return links.isEmpty() ? null : links;
    }
}
