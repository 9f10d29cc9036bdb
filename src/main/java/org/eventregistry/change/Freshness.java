package org.eventregistry.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eventregistry.access.Caller;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.http.Versions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Conditional requests for lists and feeds. What the public sees moves the change log on; what staff see
 * (drafts too) moves the write counter on; so the position of one or the other tags every list and feed, and
 * a client that has the current version gets a 304 before the list is even read. Lists that depend on the
 * clock (from=now, today, upcoming first) also carry the next moment their content changes by time alone.
 */
@ApplicationScoped
public class Freshness {

    /**
     * The validators of a response: a tag, and when what it shows last changed. {@code key} names the answer in full
     * (view, change position, clock, path and query), so an answer rendered once can be kept under it: another key
     * comes with the next change the caller may see.
     */
    public record Version(EntityTag tag, Instant changed, String key) {
    }

    private static final List<String> BOUND_PARAMETERS = List.of("from", "to");

    private final EntityManager em;
    private final DataSource dataSource;
    private final Caller caller;
    private final RegistryConfig config;

    public Freshness(EntityManager em, DataSource dataSource, Caller caller, RegistryConfig config) {
        this.em = em;
        this.dataSource = dataSource;
        this.caller = caller;
        this.config = config;
    }

    /** The version of what the request would return now (it depends on the URL, the caller's view and the registry's state). */
    public Version current(UriInfo uri, Revalidated.Clock clock) {
        boolean staff = caller.canSeeDrafts();
        Counter counter = counter(staff);
        long seq = counter.seq();
        Instant changed = counter.at();
        String view = view(staff);
        String target = uri.getPath() + "?" + uri.getRequestUri().getRawQuery();
        String tag = view + seq + "-" + Integer.toHexString(target.hashCode());
        String clockKey = "";
        if (dependsOnClock(uri.getQueryParameters(), clock)) {
            Instant now = Instant.now();
            Instant[] bounds = boundaries(now, staff);
            Instant previous = bounds[0];
            Instant next = bounds[1];
            LocalDate today = LocalDate.now(config.defaultTimeZone());
            Instant midnight = today.atStartOfDay(config.defaultTimeZone()).toInstant();
            // The UTC day too: the search index places publications (dated by day) on UTC days.
            LocalDate utcDay = LocalDate.now(ZoneOffset.UTC);
            clockKey = (next == null ? "" : next.toString()) + "/" + today + "/" + utcDay;
            tag += "-t" + Long.toHexString((next == null ? 0 : next.toEpochMilli()) ^ today.toEpochDay() ^ (utcDay.toEpochDay() << 20));
            changed = ChangeLog.latest(changed, previous, midnight);
        }
        // The key names the absolute URL: feeds link to themselves by it.
        return new Version(new EntityTag(tag, true), changed, view + seq + "|" + clockKey + "|" + uri.getRequestUri());
    }

    /**
     * Where the caller's view of the registry stands: the view's letter and the position of the counter that moves
     * with every change it may see (the public change log, or the write counter for staff).
     */
    public String position() {
        boolean staff = caller.canSeeDrafts();
        return view(staff) + counter(staff).seq();
    }

    /** Where a change counter stands: its last number and when it moved. */
    private record Counter(long seq, Instant at) {
    }

    /**
     * The counter's position and time, read with plain JDBC: every revalidated list and every kept answer reads it,
     * and Hibernate's handling of a native query (a session, the result set's mapping) cost several times the query.
     */
    private Counter counter(boolean staff) {
        String sql = staff
                ? "select write_seq, write_at from change_counter where name = 'changes'"
                : "select last_seq, last_at from change_counter where name = 'changes'";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("The change counter row is missing");
            }
            return new Counter(row.getLong(1), ChangeLog.instant(row.getObject(2, OffsetDateTime.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("The change counter cannot be read", e);
        }
    }

    private String view(boolean staff) {
        return staff ? "s" : caller.canSeePrivateFields() ? "v" : "p";
    }

    private static boolean dependsOnClock(MultivaluedMap<String, String> query, Revalidated.Clock clock) {
        if (clock == Revalidated.Clock.NONE) {
            return false;
        }
        boolean upcomingFirst = clock == Revalidated.Clock.UPCOMING_FIRST && (query.getFirst("sort") == null || query.getFirst("sort").isBlank());
        return upcomingFirst || BOUND_PARAMETERS.stream().map(query::get).filter(v -> v != null)
                .flatMap(List::stream).map(String::strip).anyMatch(v -> v.equals("now") || v.equals("today"));
    }

    /**
     * When the content of a clock-dependent list last changed by time alone (an event started or ended) and when it
     * will next: read in one statement, each bound from an index.
     */
    private Instant[] boundaries(Instant now, boolean staff) {
        // Each bound is the first row of an index range read in order (H2 reads a min or max over a range whole).
        String visible = staff ? "" : " and publication_status = 'PUBLISHED'";
        String lead = staff ? "" : "publication_status desc, ";
        String leadUp = staff ? "" : "publication_status, ";
        Object[] row = (Object[]) em.createNativeQuery("select"
                        + " (select starts_at from event where starts_at <= :now" + visible + " order by " + lead + "starts_at desc fetch first 1 rows only),"
                        + " (select ends_at from event where ends_at <= :now" + visible + " order by " + lead + "ends_at desc fetch first 1 rows only),"
                        + " (select starts_at from event where starts_at > :now" + visible + " order by " + leadUp + "starts_at fetch first 1 rows only),"
                        + " (select ends_at from event where ends_at > :now" + visible + " order by " + leadUp + "ends_at fetch first 1 rows only)")
                .setParameter("now", now).getSingleResult();
        Instant previous = ChangeLog.latest(instantOrNull(row[0]), instantOrNull(row[1]));
        Instant nextStart = instantOrNull(row[2]);
        Instant nextEnd = instantOrNull(row[3]);
        Instant next = nextStart == null ? nextEnd : nextEnd == null || nextStart.isBefore(nextEnd) ? nextStart : nextEnd;
        return new Instant[]{previous, next};
    }

    private static Instant instantOrNull(Object value) {
        return value == null ? null : ChangeLog.instant(value);
    }

    /** A 304 when the request's If-None-Match or If-Modified-Since already has this version. */
    public Optional<Response> notModified(Request request, Version version) {
        return Versions.unchanged(request, version.tag(), version.changed()).map(r -> decorate(r, version).build());
    }

    /** Adds the validators. */
    public Response.ResponseBuilder decorate(Response.ResponseBuilder response, Version version) {
        return response.tag(version.tag()).lastModified(Versions.lastModified(version.changed())).header("Vary", Versions.VARY);
    }

    /**
     * Caches may keep an answer but must ask again each time (a 304 is cheap); one made for a caller with a token
     * (drafts, private fields) is for that caller alone.
     */
    public String cacheControl() {
        return caller.identity().isPresent() ? "private, no-cache" : "public, no-cache";
    }
}
