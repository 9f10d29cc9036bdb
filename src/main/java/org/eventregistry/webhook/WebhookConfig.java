package org.eventregistry.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook delivery settings (prefix {@code registry.webhooks}; environment variables such as REGISTRY_WEBHOOKS_RETRY_PERIOD). */
@ConfigMapping(prefix = "registry.webhooks")
public interface WebhookConfig {

    /** Allow http targets and targets on loopback, link-local, private and unique-local addresses (tests, local development). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How long a delivery is retried before its subscription is paused. */
    @WithDefault("PT24H")
    Duration retryPeriod();

    /** The wait before the first retry; each further retry waits twice as long (with jitter) up to retry-delay-max. */
    @WithDefault("PT5S")
    Duration retryDelay();

    @WithDefault("PT1H")
    Duration retryDelayMax();

    /** Time allowed to open a connection to a receiver. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Time allowed for a receiver's answer once the request is sent. */
    @WithDefault("PT15S")
    Duration timeout();

    /** Threads sending deliveries: a slow receiver holds one of them, never a request thread. */
    @WithDefault("8")
    int workers();

    /** How often each instance looks for due deliveries besides being woken by commits. */
    @WithDefault("PT5S")
    Duration pollInterval();

    /** How long one instance holds a subscription once it took it (renewed before each attempt). */
    @WithDefault("PT1M")
    Duration lease();

    /** How long the delivery log keeps finished deliveries. */
    @WithDefault("P7D")
    Duration deliveryRetention();

    /** How often finished deliveries past the retention are dropped. */
    @WithDefault("PT1H")
    Duration purgeInterval();
}
