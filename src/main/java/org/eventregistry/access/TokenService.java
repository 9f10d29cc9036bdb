package org.eventregistry.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.paging.Page;
import org.eventregistry.platform.paging.Paging;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.paging.Sort;
import org.eventregistry.platform.paging.SortKey;
import org.eventregistry.platform.validation.Validation;
import org.eventregistry.platform.paging.Where;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issues, checks and revokes API tokens, and makes the first admin token when none exists. */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final String KIND = "token";

    private record Cached(String id, String name, Role role, Instant expiresAt, Instant revokedAt, Instant fetched,
                          Instant lastUsed) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final RegistryConfig config;
    private final Validation validation;
    private final AuditLog audit;
    private final Paging paging;

    public TokenService(RegistryConfig config, Validation validation, AuditLog audit, Paging paging) {
        this.config = config;
        this.validation = validation;
        this.audit = audit;
        this.paging = paging;
    }

    /** The identity a bearer secret stands for, or empty for a secret that is unknown, expired or revoked. */
    public Optional<Identity> authenticate(String secret) {
        Optional<String> adminToken = config.adminToken().filter(t -> !t.isBlank());
        if (adminToken.isPresent() && Secrets.same(secret, adminToken.get())) {
            return Optional.of(new Identity("admin:config", Role.ADMIN, null));
        }
        String hash = Secrets.hash(secret);
        Instant now = Instant.now();
        Cached token = cache.get(hash);
        if (token == null || !token.fetched().plus(config.tokenCacheTtl()).isAfter(now)) {
            token = QuarkusTransaction.joiningExisting().call(() -> ApiToken.<ApiToken>find("secretHash", hash).firstResultOptional()
                    .map(t -> new Cached(t.id, t.name, t.role, t.expiresAt, t.revokedAt, now, t.lastUsedAt))
                    .orElse(null));
            if (token == null) {
                return Optional.empty();
            }
            cache.put(hash, token);
        }
        if (token.revokedAt() != null || token.expiresAt() != null && !token.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        touch(hash, token, now);
        return Optional.of(new Identity("token:" + token.name(), token.role(), token.id()));
    }

    /** Keeps last-used time to the minute without a write on every request. */
    private void touch(String hash, Cached token, Instant now) {
        if (token.lastUsed() != null && token.lastUsed().plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() ->
                ApiToken.update("lastUsedAt = ?1 where id = ?2", at, token.id()));
        cache.put(hash, new Cached(token.id(), token.name(), token.role(), token.expiresAt(), token.revokedAt(),
                token.fetched(), at));
    }

    @Transactional
    public TokenView create(TokenFields fields) {
        validation.check(fields);
        Validation.yearInRange(fields.expiresAt(), "/expiresAt").ifPresent(e -> {
            throw new RegistryException.Invalid(List.of(e));
        });
        if (fields.expiresAt() != null && !fields.expiresAt().toInstant().isAfter(Instant.now())) {
            throw new RegistryException.Invalid("/expiresAt", "must be in the future");
        }
        String secret = Secrets.newToken();
        ApiToken token = new ApiToken();
        token.id = Ids.next();
        token.name = fields.name().strip();
        token.role = fields.role();
        token.secretHash = Secrets.hash(secret);
        token.hint = secret.substring(0, 9);
        token.createdBy = audit.actor();
        token.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        token.expiresAt = fields.expiresAt() == null ? null : fields.expiresAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        token.persist();
        audit.record(KIND, token.id, AuditEntry.Operation.CREATE);
        return view(token, secret);
    }

    public Page<TokenView> list(String limit, String cursor) {
        Sort sort = Sort.parse(null, "-createdAt", Map.of("createdAt", new SortKey("createdAt", "createdAt", SortKey.Kind.INSTANT)));
        return paging.page(new Paging.Source<>(ApiToken.class,
                        (t, key) -> key.equals("id") ? t.id : t.createdAt, t -> view(t, null)),
                new Where(), sort, "tokens", limit, cursor);
    }

    public TokenView get(String id) {
        return view(find(id), null);
    }

    /**
     * Revokes the token at once on this instance, and on others once their cached copy is older than
     * {@code registry.token-cache-ttl} (half a second); revoking twice is harmless.
     */
    @Transactional
    public void revoke(String id) {
        ApiToken token = find(id);
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            audit.record(KIND, token.id, AuditEntry.Operation.REVOKE);
            LOG.infof("Token %s (%s, %s) revoked by %s", token.id, token.name, token.role, audit.actor());
        }
        cache.remove(token.secretHash);
    }

    void bootstrap(@Observes StartupEvent start) {
        if (config.adminToken().filter(t -> !t.isBlank()).isPresent()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (ApiToken.count("role = ?1 and revokedAt is null", Role.ADMIN) > 0) {
                return;
            }
            String secret = Secrets.newToken();
            ApiToken token = new ApiToken();
            token.id = Ids.next();
            token.name = "first admin";
            token.role = Role.ADMIN;
            token.secretHash = Secrets.hash(secret);
            token.hint = secret.substring(0, 9);
            token.createdBy = "system:first-start";
            token.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            token.persist();
            LOG.warnf("No admin token was configured, so one was made. It is shown this once; keep it safe:%n%n    %s%n%n"
                    + "Use it as 'Authorization: Bearer <token>' to create staff and partner tokens at /api/v1/admin/tokens.", secret);
        });
    }

    private static ApiToken find(String id) {
        return ApiToken.<ApiToken>findByIdOptional(id)
                .orElseThrow(() -> new RegistryException.NotFound("No token has the id '" + id + "'"));
    }

    private static TokenView view(ApiToken t, String secret) {
        Instant now = Instant.now();
        String state = t.revokedAt != null ? "REVOKED" : t.isActive(now) ? "ACTIVE" : "EXPIRED";
        return new TokenView(t.id, t.name, t.role, t.hint, t.createdBy, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt,
                state, secret);
    }
}
