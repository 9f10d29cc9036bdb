package org.eventregistry.access;

import java.util.Optional;
import java.util.Set;

/**
 * The one rule deciding what role an operation needs, so a new resource is protected by being added:
 * everything under /api/v1/admin needs ADMIN; everything under /api/v1/webhooks needs a token of any role
 * (partners manage their own subscriptions there); every other write needs STAFF; reads are public
 * (drafts and private fields are then filtered by {@link Caller}). {@link RequiresRole} overrides it.
 */
public final class AccessPolicy {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    public static final String ADMIN_PATH = "/api/v1/admin";
    public static final String PARTNER_PATH = "/api/v1/webhooks";

    private AccessPolicy() {
    }

    /** The least role the operation needs, or empty when anyone may call it. */
    public static Optional<Role> required(String method, String path, RequiresRole override) {
        if (override != null) {
            return Optional.of(override.value());
        }
        if (path.equals(ADMIN_PATH) || path.startsWith(ADMIN_PATH + "/")) {
            return Optional.of(Role.ADMIN);
        }
        if (path.equals(PARTNER_PATH) || path.startsWith(PARTNER_PATH + "/")) {
            return Optional.of(Role.PARTNER);
        }
        return SAFE_METHODS.contains(method) ? Optional.empty() : Optional.of(Role.STAFF);
    }

}
