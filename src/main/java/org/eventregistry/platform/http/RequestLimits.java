package org.eventregistry.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The limits of a request, answered with problems before anything is read: a URL over {@link #MAX_URL_BYTES} is a
 * 414, headers over {@link #MAX_HEADER_BYTES} a 431, a declared body over {@link #MAX_BYTES} a 413 (a body sent
 * without a length is cut at the same size by {@link StrictUtf8}). The HTTP server's own limits sit higher, so only
 * requests far beyond these get its bare answer.
 */
@ApplicationScoped
public class RequestLimits {

    public static final long MAX_BYTES = 1024 * 1024;
    public static final int MAX_URL_BYTES = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final java.util.regex.Pattern BROKEN_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final java.util.regex.Pattern CONTROL_ESCAPE = java.util.regex.Pattern.compile("%(?:[01][0-9A-Fa-f]|7[Ff])");

    private final ObjectMapper json;

    public RequestLimits(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (rc.request().uri().length() > MAX_URL_BYTES) {
                refuse(rc, 414, "uri-too-long", "URI too long", "The URL is longer than " + MAX_URL_BYTES + " bytes");
            } else if (BROKEN_ESCAPE.matcher(rc.request().uri()).find()) {
                refuse(rc, 400, "bad-request", "Bad request", "The URL has a % that does not start two hex digits");
            } else if (CONTROL_ESCAPE.matcher(rc.request().uri()).find()) {
                // No id, slug or filter value holds one, and PostgreSQL refuses NUL in text outright.
                refuse(rc, 400, "bad-request", "Bad request", "The URL encodes a control character");
            } else if (headerBytes(rc.request().headers()) > MAX_HEADER_BYTES) {
                refuse(rc, 431, "request-header-fields-too-large", "Request header fields too large",
                        "The headers are larger than " + MAX_HEADER_BYTES + " bytes");
            } else if (length != null && tooLong(length)) {
                refuse(rc, 413, "payload-too-large", "Payload too large", "The body is larger than " + MAX_BYTES + " bytes (1 MiB)");
            } else {
                rc.next();
            }
        }, 100);
    }

    /** Failures the router answers itself (a URL it cannot decode) get a problem too, instead of a bare status. */
    void failures(@Observes io.vertx.ext.web.Router router) {
        for (int status : new int[]{400, 413, 414, 431}) {
            router.errorHandler(status, rc -> {
                if (!rc.response().ended() && !rc.response().headWritten()) {
                    String title = status == 400 ? "Bad request" : status == 413 ? "Payload too large"
                            : status == 414 ? "URI too long" : "Request header fields too large";
                    refuse(rc, status, title.toLowerCase().replace(' ', '-'), title,
                            status == 400 ? "The request cannot be read (a URL that cannot be decoded?)" : title);
                }
            });
        }
    }

    private void refuse(io.vertx.ext.web.RoutingContext rc, int status, String type, String title, String detail) {
        String path = status == 400 || rc.request().path() == null || rc.request().path().length() > 200 ? "" : rc.request().path();
        Problem problem = new Problem("/problems/" + type, title, status, detail, path, List.of());
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(write(problem));
    }

    private static int headerBytes(io.vertx.core.MultiMap headers) {
        int total = 0;
        for (var header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.strip()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
