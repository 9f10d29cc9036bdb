package org.eventregistry.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.error.RegistryException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Runs before every operation (after {@link org.eventregistry.platform.http.RequestIds} named it): identifies the caller from its bearer
 * token, enforces {@link AccessPolicy}, and spends one unit of the caller's rate budget.
 */
public class Authenticator {

    private static final String CHALLENGE = "Bearer realm=\"registry\"";

    private final Caller caller;
    private final TokenService tokens;
    private final JwtVerifier jwt;
    private final RateLimiter limiter;
    private final RegistryConfig config;
    private final MeterRegistry metrics;

    public Authenticator(Caller caller, TokenService tokens, JwtVerifier jwt, RateLimiter limiter, RegistryConfig config,
                         MeterRegistry metrics) {
        this.metrics = metrics;
        this.caller = caller;
        this.tokens = tokens;
        this.jwt = jwt;
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null) {
            try {
                caller.actAs(identify(authorization));
            } catch (RegistryException.Unauthorized wrong) {
                metrics.counter("registry.authentication.failures").increment();
                if (limiter.enabled()) {
                    RateLimiter.Decision decision = limiter.failedAuthentication(clientAddress(http));
                    if (!decision.allowed()) {
                        throw new RegistryException.TooManyRequests("Too many requests with a wrong token from this address; retry in "
                                + decision.resetSeconds() + " s", Map.of("Retry-After", Long.toString(decision.resetSeconds())));
                    }
                }
                throw wrong;
            }
        }
        if (limiter.enabled()) {
            spend(http);
        }
        Method method = resource.getResourceMethod();
        RequiresRole override = method == null ? null : Optional.ofNullable(method.getAnnotation(RequiresRole.class))
                .orElse(resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(RequiresRole.class));
        Optional<Role> needed = AccessPolicy.required(request.getMethod(), request.getUriInfo().getPath(), override);
        if (needed.isEmpty() || caller.has(needed.get())) {
            return;
        }
        if (caller.identity().isEmpty()) {
            throw new RegistryException.Unauthorized("This operation needs a token: send 'Authorization: Bearer <token>'", CHALLENGE);
        }
        throw new RegistryException.Forbidden("This operation needs the " + needed.get() + " role; your token has "
                + caller.identity().get().role());
    }

    @ServerResponseFilter
    public void decorate(ContainerResponseContext response) {
        caller.rateDecision().ifPresent(d -> {
            response.getHeaders().putSingle("RateLimit-Limit", d.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", d.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", d.resetSeconds());
        });
    }

    private Identity identify(String authorization) {
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
            throw new RegistryException.Unauthorized("Send the token as 'Authorization: Bearer <token>'",
                    CHALLENGE + ", error=\"invalid_request\"");
        }
        String token = parts[1].strip();
        Optional<Identity> identity = jwt.enabled() && JwtVerifier.looksLikeJwt(token) ? jwt.verify(token) : tokens.authenticate(token);
        return identity.orElseThrow(() -> new RegistryException.Unauthorized("The token is unknown, expired or revoked",
                CHALLENGE + ", error=\"invalid_token\", error_description=\"The token is unknown, expired or revoked\""));
    }

    private void spend(HttpServerRequest http) {
        Optional<Identity> identity = caller.identity();
        String key = identity.map(i -> i.tokenId() != null ? "token:" + i.tokenId() : i.name()).orElseGet(() -> "address:" + clientAddress(http));
        RateLimiter.Decision decision = limiter.consume(key, identity.map(Identity::role).orElse(null));
        caller.rateDecision(decision);
        if (!decision.allowed()) {
            throw new RegistryException.TooManyRequests("The request budget of this "
                    + (identity.isPresent() ? "token" : "address") + " is spent; retry in " + decision.resetSeconds() + " s",
                    Map.of("Retry-After", Long.toString(decision.resetSeconds())));
        }
    }

    /** The peer address, or the address our trusted proxy appended last to X-Forwarded-For. */
    private String clientAddress(HttpServerRequest http) {
        if (config.trustForwardedFor()) {
            String forwarded = http.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
