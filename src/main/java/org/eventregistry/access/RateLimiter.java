package org.eventregistry.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.config.RegistryConfig;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket budgets (Bucket4j): one per API token or JWT subject, one per client address for
 * anonymous callers, each refilled every minute at the rate of the caller's kind.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED = 100_000;

    /** The outcome of one request against its budget, with what the RateLimit-* headers report. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    private record Entry(Bucket bucket, long limit) {
    }

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final RegistryConfig.RateLimit config;

    public RateLimiter(RegistryConfig config) {
        this.config = config.rateLimit();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Decision consume(String key, Role role) {
        return consume(key, role == null ? config.anonymousPerMinute()
                : role == Role.PARTNER ? config.partnerPerMinute() : config.staffPerMinute());
    }

    /** Spends the budget of failed authentications of a client address: tighter than any, so tokens cannot be guessed. */
    public Decision failedAuthentication(String address) {
        return consume("failed:" + address, config.failedAuthPerMinute());
    }

    private Decision consume(String key, long perMinute) {
        if (buckets.size() > MAX_TRACKED) {
            evictSome();
        }
        Entry entry = buckets.computeIfAbsent(key + "|" + perMinute, k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build(), perMinute));
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        long resetNanos = probe.isConsumed()
                ? Duration.ofMinutes(1).toNanos() * (entry.limit() - probe.getRemainingTokens()) / entry.limit()
                : probe.getNanosToWaitForRefill();
        long resetSeconds = Math.max(1, (resetNanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), entry.limit(), probe.getRemainingTokens(), resetSeconds);
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
}
