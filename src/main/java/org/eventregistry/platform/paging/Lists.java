package org.eventregistry.platform.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** Builds list responses: the page as the body, and a Link header to the next page. */
public final class Lists {

    private Lists() {
    }

    public static Response response(Page<?> page, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(page);
        String next = next(page, uri);
        if (next != null) {
            response.header("Link", next);
        }
        return response.build();
    }

    /** The Link header to the next page, or null on the last one. */
    public static String next(Page<?> page, UriInfo uri) {
        if (page.nextCursor() == null) {
            return null;
        }
        // Relative, so the link stays right behind a proxy that rewrites the host.
        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
        return "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"";
    }
}
