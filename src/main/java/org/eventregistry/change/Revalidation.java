package org.eventregistry.change;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The version of what a {@link Revalidated} request answers, for resources that keep rendered answers by it. */
@RequestScoped
public class Revalidation {

    private Freshness.Version version;

    /** The version the request's answer has, read before the resource ran; absent outside revalidated operations. */
    public Optional<Freshness.Version> version() {
        return Optional.ofNullable(version);
    }

    void version(Freshness.Version version) {
        this.version = version;
    }
}
