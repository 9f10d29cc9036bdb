package org.eventregistry.access;

import jakarta.enterprise.context.RequestScoped;

import org.eventregistry.platform.http.RequestIds;

import java.util.Optional;
import java.util.UUID;

/** The identity and request id of the request being served; anonymous until {@link Authenticator} says otherwise. */
@RequestScoped
public class Caller {

    private Identity identity;
    private final String requestId = RequestIds.current().orElseGet(() -> UUID.randomUUID().toString());
    private RateLimiter.Decision rateDecision;

    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    public void actAs(Identity identity) {
        this.identity = identity;
    }

    public boolean has(Role role) {
        return identity != null && identity.role().includes(role);
    }

    /** Drafts are staff work in progress: anyone else is told they do not exist. */
    public boolean canSeeDrafts() {
        return has(Role.STAFF);
    }

    /** Private fields such as a speaker's e-mail and phone. */
    public boolean canSeePrivateFields() {
        return has(Role.STAFF);
    }

    public String actor() {
        return identity == null ? "anonymous" : identity.name();
    }

    public String requestId() {
        return requestId;
    }

    Optional<RateLimiter.Decision> rateDecision() {
        return Optional.ofNullable(rateDecision);
    }

    void rateDecision(RateLimiter.Decision decision) {
        this.rateDecision = decision;
    }
}
