package org.eventregistry.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the search engine (prefix {@code registry.search}); each has an environment variable such as REGISTRY_SEARCH_ENGINE. */
@ConfigMapping(prefix = "registry.search")
public interface SearchConfig {

    /** The engines the registry can search with. */
    enum Engine {
        /** Apache Lucene inside the registry, its index under the data directory: nothing else to run. */
        LUCENE,
        /** A shared OpenSearch cluster, for deployments with several registry instances. */
        OPENSEARCH
    }

    @WithDefault("lucene")
    Engine engine();

    /** Folder of the embedded index; by default {data-dir}/search. */
    Optional<String> directory();

    /** OpenSearch nodes as host:port (engine opensearch). */
    @WithDefault("localhost:9200")
    List<String> opensearchHosts();

    /** http or https towards OpenSearch. */
    @WithDefault("http")
    String opensearchProtocol();

    Optional<String> opensearchUsername();

    Optional<String> opensearchPassword();

    /** The name of the shared index (engine opensearch); instances that share a database share it. */
    @WithDefault("registry")
    String opensearchIndex();

    /** How often the indexer looks for writes made by other instances (its own wake it at once). */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /**
     * The shortest time between two batches of the indexer following the writes: the writes committed meanwhile are
     * indexed together, so a burst of writes costs a few index commits rather than one each. A search waiting for
     * the index to hold the writes before it does not wait for this.
     */
    @WithDefault("PT0.2S")
    Duration batchInterval();

    /** How long a search waits for the index to catch up with writes committed before it arrived. */
    @WithDefault("PT1S")
    Duration maxWait();

    /** How long an instance holds the shared index's writing lease before another may take it over. */
    @WithDefault("PT15S")
    Duration leaseDuration();

    /** Searches of the embedded index run at once (see {@link SearchSlots}); 0: one per processor. */
    @WithDefault("0")
    int concurrency();

    /** How long a search of the embedded index waits for its turn before a 503 problem. */
    @WithDefault("PT5S")
    Duration queueTimeout();

    /** Records indexed per batch while following the log or rebuilding. */
    @WithDefault("500")
    int batchSize();
}
