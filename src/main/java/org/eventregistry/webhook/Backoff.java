package org.eventregistry.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter between attempts of one delivery; a receiver's Retry-After wins when it asks for longer. */
final class Backoff {

    private Backoff() {
    }

    /** The wait after the given number of failed attempts: retry-delay doubled each time up to retry-delay-max, then 50-100 % of it. */
    static Duration delay(int attempts, Duration retryAfter, WebhookConfig config) {
        long base = Math.max(1, config.retryDelay().toMillis());
        long max = Math.max(base, config.retryDelayMax().toMillis());
        int doublings = Math.max(attempts - 1, 0);
        long exponential = doublings >= 62 || base > (max >> Math.min(doublings, 62)) ? max : base << doublings;
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        Duration wait = Duration.ofMillis(Math.max(jittered, 1));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
