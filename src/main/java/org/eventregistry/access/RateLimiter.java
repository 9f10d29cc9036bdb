package org.eventregistry.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eventregistry.platform.cluster.JobLease;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.error.DatabaseUnavailable;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket budgets (Bucket4j): one per API token or JWT subject, one per client address for
 * anonymous callers, each refilled every minute at the rate of the caller's kind. On PostgreSQL the buckets
 * live in the database (table {@code rate_bucket}, Bucket4j's PostgreSQL proxy manager), so every instance
 * spends from the same budget; on the embedded H2, which one instance opens, they live in memory.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final int MAX_TRACKED = 100_000;
    private static final int MAX_KEY_LENGTH = 250;
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    /** The outcome of one request against its budget, with what the RateLimit-* headers report. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    private record Entry(Bucket bucket, long limit) {
    }

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final RegistryConfig.RateLimit config;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final JobLease lease;
    private final MeterRegistry metrics;

    public RateLimiter(RegistryConfig config, DataSource db, JobLease lease, MeterRegistry metrics,
                       @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.config = config.rateLimit();
        this.lease = lease;
        this.metrics = metrics;
        boolean inDatabase = switch (this.config.store()) {
            case DATABASE -> true;
            case MEMORY -> false;
            case AUTO -> dbKind.toLowerCase().startsWith("postgres");
        };
        this.shared = inDatabase
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build()
                : null;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whether budgets are shared through the database by every instance. */
    public boolean shared() {
        return shared != null;
    }

    public Decision consume(String key, Role role) {
        long perMinute = role == null ? config.anonymousPerMinute()
                : role == Role.PARTNER ? config.partnerPerMinute() : config.staffPerMinute();
        Decision decision = consume(key, perMinute);
        if (!decision.allowed()) {
            refused(role == null ? "anonymous" : role.name().toLowerCase());
        }
        return decision;
    }

    /** Spends the budget of failed authentications of a client address: tighter than any, so tokens cannot be guessed. */
    public Decision failedAuthentication(String address) {
        Decision decision = consume("failed:" + address, config.failedAuthPerMinute());
        if (!decision.allowed()) {
            refused("failed-authentication");
        }
        return decision;
    }

    private void refused(String budget) {
        metrics.counter("registry.rate.limit.refusals", "budget", budget).increment();
    }

    private Decision consume(String key, long perMinute) {
        ConsumptionProbe probe;
        if (shared != null) {
            probe = shared.builder().build(databaseKey(key + "|" + perMinute), () -> configuration(perMinute))
                    .tryConsumeAndReturnRemaining(1);
        } else {
            if (buckets.size() > MAX_TRACKED) {
                evictSome();
            }
            Entry entry = buckets.computeIfAbsent(key + "|" + perMinute,
                    k -> new Entry(Bucket.builder().addLimit(limit(perMinute)).build(), perMinute));
            probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        }
        long resetNanos = probe.isConsumed()
                ? Duration.ofMinutes(1).toNanos() * (perMinute - probe.getRemainingTokens()) / perMinute
                : probe.getNanosToWaitForRefill();
        long resetSeconds = Math.max(1, (resetNanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), resetSeconds);
    }

    private static Bandwidth limit(long perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }

    private static BucketConfiguration configuration(long perMinute) {
        return BucketConfiguration.builder().addLimit(limit(perMinute)).build();
    }

    /** Keys fit the table's column: a long JWT subject is kept as its digest. */
    private static String databaseKey(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps memory bounded under address churn: full buckets carry no state worth keeping. */
    private void evictSome() {
        Iterator<Map.Entry<String, Entry>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().bucket().getAvailableTokens() >= e.getValue().limit()) {
                it.remove();
            }
        }
    }

    /** Drops shared buckets that are full again (one instance does it each round), so the table stays small. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropFullBuckets() {
        if (shared == null) {
            return;
        }
        try {
            lease.runOnce("rate-bucket-cleanup", CLEANUP_EVERY, () -> {
                int removed;
                do {
                    removed = shared.removeExpired(1000);
                } while (removed == 1000);
            });
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            LOG.warnf("Dropping full request budgets waits for the database: %s", e.getMessage());
        }
    }
}
