package org.eventregistry.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Headers a client may get wrong, read before the request is matched: an If-Modified-Since or
 * If-Unmodified-Since that is not an HTTP date is ignored (RFC 9110 says so), and a Content-Type that is not
 * a media type is ignored on requests without a body and a 400 problem on the others.
 */
public class ConditionalHeaders {

    private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public void clean(ContainerRequestContext request) {
        for (String name : List.of("If-Modified-Since", "If-Unmodified-Since")) {
            String value = request.getHeaderString(name);
            if (value != null && !isHttpDate(value)) {
                request.getHeaders().remove(name);
            }
        }
        String type = request.getHeaderString("Content-Type");
        if (type != null && !isMediaType(type)) {
            if (!BODYLESS.contains(request.getMethod())) {
                throw new RegistryException.BadRequest("The Content-Type '" + type + "' is not a media type; send application/json",
                        List.of(new FieldError("Content-Type", "not a media type")));
            }
            request.getHeaders().remove("Content-Type");
        }
    }

    private static boolean isHttpDate(String value) {
        try {
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType type = MediaType.valueOf(value);
            return !type.getType().isEmpty() && !type.getSubtype().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
