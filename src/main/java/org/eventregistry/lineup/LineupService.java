package org.eventregistry.lineup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eventregistry.access.AuditEntry;
import org.eventregistry.change.Write;
import org.eventregistry.change.WritePath;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.platform.record.RecordEvent;
import org.eventregistry.platform.record.Records;
import jakarta.enterprise.event.Observes;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.paging.Page;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.validation.Validation;
import org.eventregistry.event.Event;
import org.eventregistry.event.EventFilters;
import org.eventregistry.event.EventService;
import org.eventregistry.event.EventView;
import org.eventregistry.speaker.Speaker;
import org.eventregistry.speaker.SpeakerRepository;
import org.eventregistry.speaker.SpeakerRole;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Event line-ups: who takes part in an event, in which role and order; and the events a speaker took part in. */
@ApplicationScoped
public class LineupService {

    static final String KIND = "lineup";

    private final EntityManager em;
    private final EventService events;
    private final SpeakerRepository speakers;
    private final Validation validation;
    private final ObjectMapper json;
    private final WritePath writes;

    public LineupService(EntityManager em, EventService events, SpeakerRepository speakers, Validation validation,
                         ObjectMapper json, WritePath writes) {
        this.writes = writes;
        this.em = em;
        this.events = events;
        this.speakers = speakers;
        this.validation = validation;
        this.json = json;
    }

    public List<LineupEntry> lineup(String eventRef) {
        Event event = events.visible(eventRef);
        return lineups(List.of(event.id)).getOrDefault(event.id, List.of());
    }

    /** The line-ups of many events in one query, ordered; for include=speakers. */
    public Map<String, List<LineupEntry>> lineups(Collection<String> eventIds) {
        Map<String, List<LineupEntry>> result = new HashMap<>();
        if (eventIds.isEmpty()) {
            return result;
        }
        em.createQuery("select p from Participation p join fetch p.speaker where p.event.id in :ids "
                        + "order by p.position, p.role, p.id", Participation.class)
                .setParameter("ids", eventIds)
                .getResultList()
                .forEach(p -> result.computeIfAbsent(p.event.id, k -> new ArrayList<>()).add(LineupEntry.of(p)));
        return result;
    }

    /** The most places one line-up holds (a PUT of more, or a POST to a full line-up, is a 422). */
    public static final int MAX_PLACES = 500;

    @Write
    public LineupEntry add(String eventRef, LineupFields fields) {
        Event event = events.forWrite(eventRef);
        validation.check(fields);
        Speaker speaker = speaker(fields.speaker(), "/speaker");
        if (exists(event.id, speaker.id, fields.role())) {
            throw new RegistryException.Conflict(speaker.displayName + " is already in this line-up as " + fields.role(),
                    List.of(new FieldError("/role", "duplicate role for this speaker")));
        }
        long places = em.createQuery("select count(p) from Participation p where p.event.id = :e", Long.class)
                .setParameter("e", event.id).getSingleResult();
        if (places >= MAX_PLACES) {
            throw new RegistryException.Invalid("", "a line-up has at most " + MAX_PLACES + " places");
        }
        int order = fields.order() != null ? fields.order() : nextOrder(event.id);
        Participation p = participation(event, speaker, fields, order, speaker.affiliation);
        em.persist(p);
        written(event);
        return LineupEntry.of(p);
    }

    @Write
    public LineupEntry change(String eventRef, String participationId, JsonNode patch) throws JsonProcessingException {
        Event event = events.forWrite(eventRef);
        Participation p = participation(event.id, participationId);
        LineupChange current = new LineupChange(p.role, p.position, p.sessionTitle, p.affiliationAtEvent);
        LineupChange change = MergePatch.apply(json, current, patch, LineupChange.class);
        validation.check(change);
        if (change.role() != p.role && exists(event.id, p.speaker.id, change.role())) {
            throw new RegistryException.Conflict(p.speaker.displayName + " is already in this line-up as " + change.role(),
                    List.of(new FieldError("/role", "duplicate role for this speaker")));
        }
        p.role = change.role();
        p.position = change.order();
        p.sessionTitle = Records.blankToNull(change.sessionTitle());
        p.affiliationAtEvent = Records.blankToNull(change.affiliationAtEvent());
        written(event);
        return LineupEntry.of(p);
    }

    @Write
    public void remove(String eventRef, String participationId) {
        Event event = events.forWrite(eventRef);
        em.remove(participation(event.id, participationId));
        written(event);
    }

    /**
     * Replaces the whole line-up. A speaker who keeps a role keeps the affiliation recorded when they were
     * added, unless the request gives another; order defaults to the position in the request.
     */
    @Write
    public List<LineupEntry> replace(String eventRef, List<LineupFields> lineup) {
        Event event = events.forWrite(eventRef);
        if (lineup == null) {
            throw new RegistryException.BadRequest("The body must be a JSON array of line-up places");
        }
        if (lineup.size() > MAX_PLACES) {
            throw new RegistryException.Invalid("", "a line-up has at most " + MAX_PLACES + " places");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Speaker> found = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lineup.size(); i++) {
            LineupFields fields = lineup.get(i);
            if (fields == null) {
                errors.add(new FieldError("/" + i, "must be an object"));
                continue;
            }
            try {
                validation.check(fields);
            } catch (RegistryException.Invalid invalid) {
                int index = i;
                invalid.errors().forEach(e -> errors.add(new FieldError("/" + index + e.pointer(), e.detail())));
                continue;
            }
            Speaker speaker = speakers.findByRef(fields.speaker()).orElse(null);
            if (speaker == null) {
                errors.add(new FieldError("/" + i + "/speaker", "no speaker has the id or slug '" + fields.speaker() + "'"));
                continue;
            }
            found.put(fields.speaker(), speaker);
            if (!seen.add(speaker.id + "|" + fields.role())) {
                errors.add(new FieldError("/" + i + "/role", "the speaker already has this role earlier in the line-up"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RegistryException.Invalid(errors);
        }
        Map<String, String> keptAffiliations = new HashMap<>();
        for (Participation old : participations(event.id)) {
            keptAffiliations.put(old.speaker.id + "|" + old.role, old.affiliationAtEvent);
            em.remove(old);
        }
        em.flush();
        List<LineupEntry> result = new ArrayList<>();
        for (int i = 0; i < lineup.size(); i++) {
            LineupFields fields = lineup.get(i);
            Speaker speaker = found.get(fields.speaker());
            String affiliation = keptAffiliations.getOrDefault(speaker.id + "|" + fields.role(), speaker.affiliation);
            Participation p = participation(event, speaker, fields, fields.order() != null ? fields.order() : i, affiliation);
            em.persist(p);
            result.add(LineupEntry.of(p));
        }
        written(event);
        // The same order as a read: position, then role by name, then id.
        result.sort(java.util.Comparator.comparingInt(LineupEntry::order).thenComparing(e -> e.role().name()).thenComparing(LineupEntry::id));
        return result;
    }

    /** Audits a change of the event's (locked) line-up and gives the line-up a new revision. */
    private void written(Event event) {
        revised(event);
        writes.flush();
        writes.written(KIND, event.id, AuditEntry.Operation.UPDATE, () -> snapshot(event));
    }

    /** A new revision of the line-up; the event's own version stays, as the event itself did not change. */
    private void revised(Event event) {
        event.lineupVersion++;
        event.lineupUpdatedAt = Records.now();
    }

    /** The line-up as the change log shows it: public while its event is and it has places. */
    private WritePath.Snapshot snapshot(Event event) {
        List<LineupEntry> lineup = em.contains(event) && event.publicationStatus == PublicationStatus.PUBLISHED
                ? lineups(List.of(event.id)).get(event.id) : null;
        return new WritePath.Snapshot(event.slug, event.lineupVersion, lineup);
    }

    /**
     * Keeps line-ups right when what they show changes: a deleted event's line-up goes (with a tombstone), an event
     * published or taken back to draft shows or hides its line-up, an updated speaker gives the line-ups showing them
     * a new revision, and a deleted speaker leaves every line-up.
     */
    void follow(@Observes RecordEvent written) {
        if (written.kind().equals("event")) {
            if (written.phase() == RecordEvent.Phase.UPDATED) {
                return;
            }
            Event event = em.find(Event.class, written.id());
            revised(event);
            writes.follow(KIND, event.id, () -> snapshot(event));
        } else if (written.kind().equals("speaker")) {
            List<Event> affected = em.createQuery("select distinct p.event.id from Participation p where p.speaker.id = :id", String.class)
                    .setParameter("id", written.id()).getResultList().stream().sorted()
                    .flatMap(id -> writes.lock(Event.class, id).stream()).toList();
            if (written.phase() == RecordEvent.Phase.DELETING) {
                em.createQuery("delete from Participation p where p.speaker.id = :id").setParameter("id", written.id()).executeUpdate();
                affected.forEach(this::written);
            } else {
                affected.forEach(event -> {
                    revised(event);
                    writes.follow(KIND, event.id, () -> snapshot(event));
                });
            }
        }
    }

    /** The speaker's events (filtered like the events list), each with the roles the speaker had. */
    public Page<Appearance> appearances(String speakerRef, EventFilters filters, String sort, String limit, String cursor) {
        Speaker speaker = speakers.findByRef(speakerRef)
                .orElseThrow(() -> new RegistryException.NotFound("No speaker has the id or slug '" + speakerRef + "'"));
        if (filters.speaker != null && !filters.speaker.isEmpty()) {
            throw new RegistryException.BadRequest("The speaker is given by the path; drop the speaker parameter");
        }
        filters.speaker = List.of(speaker.id);
        Page<EventView> page = sort == null ? events.listUpcomingFirst(filters, limit, cursor) : events.list(filters, sort, limit, cursor);
        Map<String, List<Appearance.Part>> parts = new LinkedHashMap<>();
        if (!page.items().isEmpty()) {
            em.createQuery("select p from Participation p where p.speaker.id = :speaker and p.event.id in :events "
                            + "order by p.position, p.role", Participation.class)
                    .setParameter("speaker", speaker.id)
                    .setParameter("events", page.items().stream().map(EventView::id).toList())
                    .getResultList()
                    .forEach(p -> parts.computeIfAbsent(p.event.id, k -> new ArrayList<>())
                            .add(new Appearance.Part(p.role, p.position, p.sessionTitle, p.affiliationAtEvent)));
        }
        return page.with(page.items().stream().map(v -> new Appearance(v, parts.getOrDefault(v.id(), List.of()))).toList());
    }

    private Speaker speaker(String ref, String pointer) {
        return speakers.findByRef(ref).orElseThrow(() -> new RegistryException.Invalid(pointer, "no speaker has the id or slug '" + ref + "'"));
    }

    private List<Participation> participations(String eventId) {
        return em.createQuery("select p from Participation p join fetch p.speaker where p.event.id = :id", Participation.class)
                .setParameter("id", eventId).getResultList();
    }

    private Participation participation(String eventId, String participationId) {
        Participation p = em.find(Participation.class, participationId);
        if (p == null || !Objects.equals(p.event.id, eventId)) {
            throw new RegistryException.NotFound("This event's line-up has no place with the id '" + participationId + "'");
        }
        return p;
    }

    private boolean exists(String eventId, String speakerId, SpeakerRole role) {
        return em.createQuery("select count(p) from Participation p where p.event.id = :e and p.speaker.id = :s and p.role = :r", Long.class)
                .setParameter("e", eventId).setParameter("s", speakerId).setParameter("r", role).getSingleResult() > 0;
    }

    private int nextOrder(String eventId) {
        Integer max = em.createQuery("select max(p.position) from Participation p where p.event.id = :e", Integer.class)
                .setParameter("e", eventId).getSingleResult();
        return max == null ? 0 : Math.min(max + 1, LineupFields.MAX_ORDER);
    }

    private static Participation participation(Event event, Speaker speaker, LineupFields fields, int order, String affiliation) {
        Participation p = new Participation();
        p.id = Ids.next();
        p.event = event;
        p.speaker = speaker;
        p.role = fields.role();
        p.position = order;
        p.sessionTitle = Records.blankToNull(fields.sessionTitle());
        p.affiliationAtEvent = fields.affiliationAtEvent() != null ? Records.blankToNull(fields.affiliationAtEvent()) : affiliation;
        p.createdAt = Records.now();
        return p;
    }
}
