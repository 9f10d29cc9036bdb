package org.eventregistry.platform.http;

import org.eventregistry.platform.error.RegistryException;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

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
        EntityTag tag = tag(id, version);
        Date modified = Date.from(updatedAt.truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified, tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged : Response.ok(record);
        return response.tag(tag).lastModified(modified).header("Vary", "Accept, Authorization, Origin").build();
    }

}
