package org.eventregistry.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eventregistry.access.Caller;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Conditional requests for public lists and feeds. Every public write moves the change log on, so its
 * position and time tag what any list or feed shows: a client that has the current version gets a 304
 * before the list is even read.
 */
@ApplicationScoped
public class Freshness {

    /** The validators of a response: a tag and a last-modified time. */
    public record Version(EntityTag tag, Instant lastModified) {
    }

    private final EntityManager em;
    private final Caller caller;

    public Freshness(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** The version of what the request would return now (it depends on the URL, the caller's view and the registry's state). */
    public Version current(UriInfo uri) {
        Object[] row = (Object[]) em.createNativeQuery("select last_seq, last_at from change_counter where name = 'changes'")
                .getSingleResult();
        long seq = ((Number) row[0]).longValue();
        Instant at = row[1] == null ? Instant.EPOCH : row[1] instanceof OffsetDateTime o ? o.toInstant()
                : row[1] instanceof Instant i ? i : ((java.sql.Timestamp) row[1]).toInstant();
        String view = caller.canSeePrivateFields() ? "s" : "p";
        String query = uri.getRequestUri().getRawQuery();
        String tag = view + seq + "-" + Integer.toHexString((uri.getPath() + "?" + query).hashCode());
        return new Version(new EntityTag(tag, true), at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A 304 when the request's If-None-Match or If-Modified-Since already has this version. */
    public Optional<Response> notModified(Request request, Version version) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(Date.from(version.lastModified()), version.tag());
        return Optional.ofNullable(unchanged).map(r -> decorate(r, version).build());
    }

    /** Adds the validators, and the caching rules of a public or a staff response. */
    public Response.ResponseBuilder decorate(Response.ResponseBuilder response, Version version) {
        return response.tag(version.tag()).lastModified(Date.from(version.lastModified()))
                .header("Cache-Control", cacheControl()).header("Vary", VARY);
    }

    /** Caches may keep a public answer but must ask again each time (a 304 is cheap); a staff answer is private. */
    public String cacheControl() {
        return caller.identity().isPresent() ? "private, no-cache" : "public, no-cache";
    }

    public static final String VARY = "Accept, Authorization, Origin";
}
