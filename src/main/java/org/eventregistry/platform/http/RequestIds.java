package org.eventregistry.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names every request before anything else runs: the caller's X-Request-Id when it is clean, else a new UUID. The
 * id goes back in the answer's X-Request-Id, into the audit log, and into the logging context (MDC key
 * {@value #MDC_KEY}), so every log line of the request carries it, in the plain format and in JSON.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern CLEAN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String given = rc.request().getHeader(HEADER);
            String id = given != null && CLEAN.matcher(given).matches() ? given : UUID.randomUUID().toString();
            MDC.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        }, 1000);
    }

    /** The id of the request being served on this thread or context, if any. */
    public static Optional<String> current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? Optional.empty() : Optional.of(id.toString());
    }
}
