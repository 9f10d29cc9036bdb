package org.eventregistry.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The registry's own settings (prefix {@code registry}); each has an environment variable such as REGISTRY_DATA_DIR. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    /** Folder of the embedded H2 database. */
    @WithDefault("./data")
    String dataDir();

    /** Load the demo records when the database is empty at start-up. */
    @WithDefault("true")
    boolean demoData();

    /** The zone in which "today" in date filters begins and ends. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    /** The public website whose pages feeds link to: {site-url}/events/{slug} and {site-url}/publications/{slug}. */
    @WithDefault("http://localhost:8080")
    String siteUrl();

    /** The organisation named as organizer in schema.org descriptions of events. */
    @WithDefault("Event and conference registry")
    String organizationName();

    /** Most entries one feed carries. */
    @WithDefault("5000")
    int feedMaxItems();

    /** Memory the iCalendar feeds may use to keep rendered events, in bytes (64 MiB fits a 512 MB heap). */
    @WithDefault("67108864")
    long calendarCacheBytes();

    /**
     * Memory the rendered answers (single records, list pages, whole feeds) may use, each kept for one change
     * position, view and URL, in bytes.
     */
    @WithDefault("33554432")
    long answerCacheBytes();

    /**
     * How far lists count the records matching their filters: beyond it, total is this limit and totalExact false, so a
     * page costs the same however many records match.
     */
    @WithDefault("1000")
    int listTotalLimit();

    /** The language whose alphabet orders names (sort=familyName), as a BCP 47 tag. */
    @WithDefault("sr-Latn")
    String collation();

    /** How long a POST's Idempotency-Key is remembered. */
    @WithDefault("PT24H")
    Duration idempotencyRetention();

    /**
     * How long this instance may trust what it read about an API token: a token revoked on another instance is
     * refused here at most this long after. Keep it at a second or less when several instances share the database.
     */
    @WithDefault("PT0.5S")
    Duration tokenCacheTtl();

    /** The first admin token; when unset, one is generated on first start and printed once in the log. */
    Optional<String> adminToken();

    /** The registry's own public address (https://registry.example.org): absolute links are made from it, not from the request. */
    Optional<String> publicBaseUrl();

    /** Whether X-Forwarded-For (its last address, the one our proxy added) names the client for rate limits. */
    @WithDefault("false")
    boolean trustForwardedFor();

    RateLimit rateLimit();

    Changes changes();

    Http http();

    /** The HTTP edge, below what Quarkus configures. */
    interface Http {
        /**
         * How long a request head (request line and headers) may take to arrive, from the connection's opening for
         * its first request and from the first byte of each later one; past it, a 408 problem and the connection
         * closes. 0 switches the deadline off.
         */
        @WithDefault("PT20S")
        Duration requestHeadTimeout();
    }

    /** The partner change stream. */
    interface Changes {
        /** How long changes are kept; a cursor from before that gets 410 and the client resyncs from the lists. */
        @WithDefault("P90D")
        Duration retention();

        /** How often a write also drops the changes past the retention. */
        @WithDefault("PT1H")
        Duration purgeInterval();
    }

    Oidc oidc();

    /** Requests per minute for each kind of caller; a token's budget is its own, an anonymous client's is per address. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("300")
        long anonymousPerMinute();

        @WithDefault("1200")
        long partnerPerMinute();

        @WithDefault("3000")
        long staffPerMinute();

        /** Requests with a wrong token a client address may make in a minute before it gets 429s. */
        @WithDefault("30")
        long failedAuthPerMinute();

        /**
         * Where budgets are kept: {@code database} shares them between every instance on one PostgreSQL, {@code memory}
         * keeps them in this instance; {@code auto} is the database on PostgreSQL and memory on the embedded H2 (which
         * only one instance can open).
         */
        @WithDefault("auto")
        Store store();

        enum Store {
            AUTO, MEMORY, DATABASE
        }
    }

    /** Bearer JWTs from an OpenID Connect provider (Keycloak, Entra ID), accepted beside API tokens when enabled. */
    interface Oidc {
        @WithDefault("false")
        boolean enabled();

        /** Expected "iss" claim. */
        Optional<String> issuer();

        /** Expected "aud" claim, when set. */
        Optional<String> audience();

        /** The provider's JWKS endpoint. */
        Optional<String> jwksUrl();

        /** Or a PEM public key (for providers without JWKS, and for tests). */
        Optional<String> publicKey();

        /** Claim holding the roles; dots walk into objects (realm_access.roles for Keycloak). */
        @WithDefault("roles")
        String roleClaim();

        /** Claim naming the caller in the audit log. */
        @WithDefault("preferred_username")
        String nameClaim();

        @WithDefault("registry-admin")
        List<String> adminValues();

        @WithDefault("registry-staff")
        List<String> staffValues();

        @WithDefault("registry-partner")
        List<String> partnerValues();
    }
}
