package org.eventregistry.change;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;

/** Answers 304 for {@link Revalidated} operations before they run, and tags their 200 answers. */
public class RevalidationFilter {

    private static final String VERSION = RevalidationFilter.class.getName() + ".version";

    private final Freshness freshness;
    private final Revalidation revalidation;

    public RevalidationFilter(Freshness freshness, Revalidation revalidation) {
        this.freshness = freshness;
        this.revalidation = revalidation;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource, Request conditions) {
        Revalidated revalidated = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Revalidated.class);
        if (revalidated == null) {
            return Optional.empty();
        }
        Freshness.Version version = freshness.current(request.getUriInfo(), revalidated.clock());
        request.setProperty(VERSION, version);
        revalidation.version(version);
        return freshness.notModified(conditions, version);
    }

    /** Tags the 200 answers of revalidated lists, and gives every answer that has a validator its caching rules. */
    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERSION) instanceof Freshness.Version version && response.getStatus() == 200) {
            Response.ResponseBuilder validators = freshness.decorate(Response.ok(), version);
            validators.build().getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        }
        if ((response.getStatus() == 200 || response.getStatus() == 304) && response.getHeaders().containsKey("ETag")
                && !response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", freshness.cacheControl());
        }
    }
}
