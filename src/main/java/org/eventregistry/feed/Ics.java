package org.eventregistry.feed;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.eventregistry.event.EventStatus;
import org.eventregistry.event.EventView;
import org.eventregistry.event.VenueFields;
import org.eventregistry.lineup.LineupEntry;

import com.github.benmanes.caffeine.cache.Cache;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
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
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private Ics() {
    }

    private static final Logger LOG = Logger.getLogger(Ics.class);

    /**
     * The calendar of the events. {@code rendered} keeps folded VEVENTs by event id, version and line-up (an
     * event's text changes only when one of those does), so a large feed is mostly assembled from it. An event
     * that cannot be rendered is left out and logged: one record never takes the whole feed down.
     */
    static String calendar(String name, List<EventView> events, Map<String, List<LineupEntry>> lineups, Links links,
                           Cache<String, String> rendered) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Event and conference registry//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new XProperty("X-WR-CALNAME", Text.clean(name)));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        Set<String> zones = new LinkedHashSet<>();
        events.forEach(e -> zones.add(e.timeZone()));
        Set<String> unknown = new HashSet<>();
        for (String zone : zones) {
            try {
                calendar.add(ZONES.getTimeZone(zone).getVTimeZone());
            } catch (RuntimeException e) {
                LOG.warnf("The calendar leaves out the events in the time zone %s, which it cannot describe: %s", zone, e);
                unknown.add(zone);
            }
        }
        // ical4j's own writer folds at 75 characters, not octets: take the unfolded text and fold it here.
        String frame = fold(calendar.toString());
        int end = frame.lastIndexOf("END:VCALENDAR");
        StringBuilder out = new StringBuilder(frame.length() + events.size() * 700).append(frame, 0, end);
        for (EventView e : events) {
            if (unknown.contains(e.timeZone())) {
                continue;
            }
            List<LineupEntry> lineup = lineups.getOrDefault(e.id(), List.of());
            String key = e.id() + ":" + e.version() + ":" + lineup.hashCode() + ":" + links.site();
            try {
                out.append(rendered.get(key, k -> fold(event(e, lineup, links).toString())));
            } catch (RuntimeException failure) {
                LOG.warnf(failure, "The calendar leaves out the event %s, which it cannot render", e.id());
            }
        }
        return out.append(frame, end, frame.length()).toString();
    }

    private static VEvent event(EventView e, List<LineupEntry> lineup, Links links) {
        VEvent event = new VEvent(false);
        event.add(local("DTSTART", e.startsAt(), e.timeZone()));
        event.add(local("DTEND", e.endsAt(), e.timeZone()));
        event.add(new Summary(Text.clean(e.title())));
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

    /**
     * DTSTART or DTEND as local time with its TZID (written as text: ical4j resolves the zone of a
     * ZonedDateTime property afresh for every event, which dominated the time of a large feed).
     */
    private static XProperty local(String name, OffsetDateTime at, String zone) {
        String local = at.atZoneSameInstant(ZoneId.of(zone)).toLocalDateTime().format(LOCAL);
        return new XProperty(name, new ParameterList(List.of(new TzId(zone))), local);
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
        int octets = 0;
        int limit = 75;
        int length = unfolded.length();
        for (int i = 0; i < length; i++) {
            char c = unfolded.charAt(i);
            if (c == '\r' && i + 1 < length && unfolded.charAt(i + 1) == '\n') {
                out.append("\r\n");
                i++;
                octets = 0;
                limit = 75;
                continue;
            }
            boolean pair = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(unfolded.charAt(i + 1));
            int size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = 74;
            }
            out.append(c);
            if (pair) {
                out.append(unfolded.charAt(++i));
            }
            octets += size;
        }
        return out.toString();
    }
}
