package org.eventregistry.platform.http;

import org.eventregistry.platform.error.RegistryException;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/** Entity tags of single records, made from their version, and the If-Match check writes make. */
public final class Versions {

    private Versions() {
    }

    /** The id is part of the tag so that a record deleted and made again under the same slug never matches an old tag. */
    public static EntityTag tag(String id, long version) {
        return new EntityTag(value(id, version));
    }

    private static String value(String id, long version) {
        return id + "-" + version;
    }

    /**
     * Throws 412 when an If-Match header is present and names none of the record's current tag or *.
     * Weak tags compare by value (RFC 9110 allows only strong comparison for If-Match, and ours are strong).
     */
    public static void checkIfMatch(String ifMatch, String id, long currentVersion, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = value(id, currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals("\"" + current + "\"")) {
                return;
            }
        }
        throw new RegistryException.PreconditionFailed(what + " has changed since you read it (version " + currentVersion
                + " now); fetch it again and reapply your change");
    }

    /**
     * The answer to a GET of one record: a 304 when If-None-Match or If-Modified-Since already has this
     * version, else the record with its ETag and Last-Modified.
     */
    public static Response read(Request request, String id, long version, Instant updatedAt, Object record) {
        return read(request, tag(id, version), updatedAt, record);
    }

    public static Response read(Request request, EntityTag tag, Instant changed, Object record) {
        Response.ResponseBuilder response = unchanged(request, tag, changed).orElseGet(() -> Response.ok(record));
        return response.tag(tag).lastModified(lastModified(changed)).header("Vary", VARY).build();
    }

    /**
     * The answer to a GET of a view composed of several records (JSON-LD with a line-up, include=): tagged by
     * its content, so any part that changes changes the tag. It has no single modification time, so it answers
     * If-None-Match only.
     */
    public static Response readComposed(Request request, EntityTag tag, Object view) {
        Response.ResponseBuilder unchanged = failedPrecondition(request.evaluatePreconditions(tag));
        return (unchanged != null ? unchanged : Response.ok(view)).tag(tag).header("Vary", VARY).build();
    }

    /** The tag of a composed view: the record's id, the view's name, and a digest of what it shows. */
    public static EntityTag composed(String id, String view, Object content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(content).getBytes(StandardCharsets.UTF_8));
            return new EntityTag(id + "-" + view + "-" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request headers every answer with validators varies by. */
    public static final String VARY = "Accept, Authorization, Origin";

    /**
     * The 304 answer when the request already has this version. If-Modified-Since is compared with the second in
     * which the content really changed, while the Last-Modified sent is never a second that is still running
     * ({@link #lastModified}), so a later write in the same second is never hidden behind a 304.
     */
    public static Optional<Response.ResponseBuilder> unchanged(Request request, EntityTag tag, Instant changed) {
        return Optional.ofNullable(failedPrecondition(request.evaluatePreconditions(Date.from(changed.truncatedTo(ChronoUnit.SECONDS)), tag)));
    }

    /** The 304 to answer, or null to go on; a failed If-Match or If-Unmodified-Since is a 412 problem. */
    private static Response.ResponseBuilder failedPrecondition(Response.ResponseBuilder answer) {
        if (answer != null && answer.build().getStatus() == 412) {
            throw new RegistryException.PreconditionFailed("The If-Match or If-Unmodified-Since of the request does not hold: "
                    + "the resource has another version now");
        }
        return answer;
    }

    /**
     * The Last-Modified to send for content changed at {@code changed}: its second, or the one before while that
     * second is still running (a write later in the same second would otherwise carry the same date).
     */
    public static Date lastModified(Instant changed) {
        Instant second = changed.truncatedTo(ChronoUnit.SECONDS);
        if (!second.isBefore(Instant.now().truncatedTo(ChronoUnit.SECONDS))) {
            second = second.minusSeconds(1);
        }
        return Date.from(second);
    }
}
