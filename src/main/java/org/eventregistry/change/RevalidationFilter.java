package org.eventregistry.change;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Date;
import java.util.Optional;

/** Answers 304 for {@link Revalidated} operations before they run, and tags their 200 answers. */
public class RevalidationFilter {

    private static final String VERSION = RevalidationFilter.class.getName() + ".version";

    private final Freshness freshness;

    public RevalidationFilter(Freshness freshness) {
        this.freshness = freshness;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource, Request conditions) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(Revalidated.class)) {
            return Optional.empty();
        }
        Freshness.Version version = freshness.current(request.getUriInfo());
        request.setProperty(VERSION, version);
        return freshness.notModified(conditions, version);
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERSION) instanceof Freshness.Version version && response.getStatus() == 200) {
            response.getHeaders().putSingle("ETag", version.tag());
            response.getHeaders().putSingle("Last-Modified", Date.from(version.lastModified()));
            response.getHeaders().putSingle("Cache-Control", freshness.cacheControl());
            response.getHeaders().putSingle("Vary", Freshness.VARY);
        }
    }
}
