package org.eventregistry.webhook;

import java.time.Duration;
import java.time.Instant;

/** What one attempt came to: the receiver's answer (or the failure to get one) and what it means for the delivery. */
record Outcome(Verdict verdict, int status, Long latencyMs, String error, Duration retryAfter, Instant at) {

    enum Verdict {
        /** A 2xx answer. */
        DELIVERED,
        /** A timeout, a connection failure, a 408, 429 or 5xx: tried again after a back-off. */
        RETRY,
        /** Another 4xx, or a redirect (never followed): retrying would not help, so the next delivery goes. */
        REJECTED,
        /** 410 Gone: the receiver wants no more; the subscription is disabled. */
        GONE,
        /** The target is not allowed (it resolves to a private or metadata address): the subscription is paused. */
        REFUSED
    }
}
