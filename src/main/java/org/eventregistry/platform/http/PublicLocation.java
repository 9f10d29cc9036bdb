package org.eventregistry.platform.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.eventregistry.platform.config.RegistryConfig;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;

/**
 * Absolute links (Location) name the registry's public base URL when one is configured, never a Host header a
 * client sent; without one they follow the request, as behind a proxy that passes the host on.
 */
public class PublicLocation {

    private final RegistryConfig config;

    public PublicLocation(RegistryConfig config) {
        this.config = config;
    }

    @ServerResponseFilter
    public void rewrite(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst("Location");
        if (location == null || config.publicBaseUrl().isEmpty()) {
            return;
        }
        URI uri = URI.create(location.toString());
        String base = config.publicBaseUrl().get().replaceAll("/+$", "");
        response.getHeaders().putSingle("Location", URI.create(base + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
    }
}
