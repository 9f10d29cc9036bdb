package org.eventregistry.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Graceful shutdown: once SIGTERM arrives (and the optional {@code quarkus.shutdown.delay}, during which readiness is
 * DOWN so a load balancer stops sending, has passed) every new request gets a 503 problem with {@code Connection:
 * close}, while the requests already in flight finish; Quarkus waits for them up to {@code quarkus.shutdown.timeout}.
 * Health and metrics stay answered to the end.
 */
@ApplicationScoped
public class Draining {

    private static final Logger LOG = Logger.getLogger(Draining.class);

    private final ObjectMapper json;
    private final Duration delay;
    private volatile long refuseFromNanos = Long.MAX_VALUE;

    public Draining(ObjectMapper json, @ConfigProperty(name = "quarkus.shutdown.delay", defaultValue = "0S") Duration delay) {
        this.json = json;
        this.delay = delay;
    }

    void shuttingDown(@Observes ShutdownDelayInitiatedEvent event) {
        refuseFromNanos = System.nanoTime() + delay.toNanos();
        LOG.infof("Shutting down: new requests are refused %s, requests in flight may finish",
                delay.isZero() ? "from now" : "in " + delay.toMillis() + " ms");
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (System.nanoTime() - refuseFromNanos < 0 || rc.request().path() != null && rc.request().path().startsWith("/q/")) {
                rc.next();
                return;
            }
            Problem problem = new Problem("/problems/shutting-down", "Service unavailable", 503,
                    "This instance of the registry is shutting down; retry, another instance or this one restarted will answer",
                    null, List.of());
            rc.response().setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader("Retry-After", "1")
                    .end(write(problem));
        }, 2000);
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
