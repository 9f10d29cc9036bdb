package org.eventregistry.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

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

    /** How long a POST's Idempotency-Key is remembered. */
    @WithDefault("PT24H")
    Duration idempotencyRetention();
}
