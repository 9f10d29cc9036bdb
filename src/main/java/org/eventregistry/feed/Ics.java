package org.eventregistry.feed;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.eventregistry.event.EventStatus;
import org.eventregistry.event.EventView;
import org.eventregistry.event.VenueFields;
import org.eventregistry.lineup.LineupEntry;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Events as iCalendar (RFC 5545) with ical4j: stable UIDs, SEQUENCE from the event's version, start and
 * end in the event's own zone with its VTIMEZONE, and lines folded at 75 octets (not characters).
 */
final class Ics {

    static final String MEDIA_TYPE = "text/calendar";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private Ics() {
    }

    static String calendar(String name, List<EventView> events, Map<String, List<LineupEntry>> lineups, Links links) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Event and conference registry//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new XProperty("X-WR-CALNAME", Text.clean(name)));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        Set<String> zones = new LinkedHashSet<>();
        events.forEach(e -> zones.add(e.timeZone()));
        for (String zone : zones) {
            net.fortuna.ical4j.model.TimeZone tz = ZONES.getTimeZone(zone);
            if (tz != null) {
                calendar.add(tz.getVTimeZone());
            }
        }
        for (EventView e : events) {
            calendar.add(event(e, lineups.getOrDefault(e.id(), List.of()), links));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("The calendar cannot be written", e);
        }
        return fold(out.toString());
    }

    private static VEvent event(EventView e, List<LineupEntry> lineup, Links links) {
        VEvent event = new VEvent(e.startsAt().atZoneSameInstant(java.time.ZoneId.of(e.timeZone())),
                e.endsAt().atZoneSameInstant(java.time.ZoneId.of(e.timeZone())), Text.clean(e.title()));
        event.add(new Uid(e.id() + "@" + links.host()));
        event.add(new Sequence((int) Math.min(e.version(), Integer.MAX_VALUE)));
        event.add(new DtStamp(e.updatedAt()));
        event.add(new Created(e.createdAt()));
        event.add(new LastModified(e.updatedAt()));
        event.add(new Url(URI.create(links.event(e.slug()))));
        String location = location(e);
        if (location != null) {
            event.add(new Location(Text.clean(location)));
        }
        event.add(e.status() == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : e.status() == EventStatus.POSTPONED ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
        String description = description(e, lineup, links);
        if (!description.isEmpty()) {
            event.add(new Description(description));
        }
        if (!e.topics().isEmpty()) {
            event.add(new Categories(new TextList(e.topics().stream().map(Text::clean).toList())));
        }
        return event;
    }

    private static String location(EventView e) {
        VenueFields v = e.venue();
        String place = v == null ? null : Stream.of(v.name(), v.address(), v.city(), v.country())
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        if (place != null && !place.isEmpty()) {
            return place;
        }
        return e.onlineUrl();
    }

    private static String description(EventView e, List<LineupEntry> lineup, Links links) {
        StringBuilder text = new StringBuilder();
        if (e.summary() != null) {
            text.append(Text.clean(e.summary())).append("\n\n");
        }
        if (e.status() != EventStatus.SCHEDULED) {
            text.append("Status: ").append(e.status().name().replace('_', ' ').toLowerCase()).append("\n\n");
        }
        if (!lineup.isEmpty()) {
            text.append("Speakers:\n");
            for (LineupEntry place : lineup) {
                text.append("- ").append(Text.clean(place.speaker().displayName()))
                        .append(" (").append(place.role().name().toLowerCase().replace('_', ' '));
                String affiliation = place.affiliationAtEvent() != null ? place.affiliationAtEvent() : place.speaker().affiliation();
                if (affiliation != null) {
                    text.append(", ").append(Text.clean(affiliation));
                }
                text.append(')');
                if (place.sessionTitle() != null) {
                    text.append(": ").append(Text.clean(place.sessionTitle()));
                }
                text.append('\n');
            }
            text.append('\n');
        }
        if (e.onlineUrl() != null) {
            text.append("Online: ").append(e.onlineUrl()).append('\n');
        }
        if (e.registrationUrl() != null) {
            text.append("Registration: ").append(e.registrationUrl()).append('\n');
        }
        text.append(links.event(e.slug()));
        return text.toString().strip();
    }

    /** Folds every content line longer than 75 octets (RFC 5545, 3.1), never inside a UTF-8 sequence. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = 74;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
