package org.eventregistry.search;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.error.RegistryException;
import org.apache.lucene.search.IndexSearcher;
import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;
import org.hibernate.search.engine.environment.bean.BeanReference;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The index, on the engine the configuration names: Lucene in a folder of the data directory by default, or a
 * shared OpenSearch cluster. The mapping is built when the indexer first needs it and again after a failure, so the
 * registry starts (and serves everything but search) while OpenSearch is away; searches then get a 503 problem.
 */
@ApplicationScoped
public class SearchEngine {

    private static final Logger LOG = Logger.getLogger(SearchEngine.class);

    private final SearchConfig config;
    private final RegistryConfig registry;
    private volatile CloseableSearchMapping mapping;
    private volatile String stateName;
    /** The embedded index's folder, held while its mapping is open. */
    private FolderLock folder;
    /** Set at shutdown: the indexer may still be looping, and must not open the index (and its folder) again. */
    private boolean closed;

    SearchEngine(SearchConfig config, RegistryConfig registry) {
        this.config = config;
        this.registry = registry;
    }

    SearchConfig.Engine engine() {
        return config.engine();
    }

    boolean shared() {
        return config.engine() == SearchConfig.Engine.OPENSEARCH;
    }

    /**
     * The name of this index's row in search_index_state: an embedded index is named by the id kept in its own folder
     * (a new or emptied folder is a new index), the shared one by its OpenSearch name.
     */
    String stateName() {
        return stateName;
    }

    boolean available() {
        return mapping != null;
    }

    /** Builds the mapping (and creates the index when missing); throws when the engine cannot be reached. */
    synchronized void open() {
        if (mapping != null) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("The search engine is shut down");
        }
        try {
            build();
        } catch (RuntimeException | Error e) {
            releaseFolder();
            throw e;
        }
    }

    private void build() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hibernate.search.schema_management.strategy", "none");
        // The one mapped class is named below: no scan of the application's jar for annotated types at start.
        properties.put("hibernate.search.mapping.build_missing_discovered_jandex_indexes", false);
        properties.put("hibernate.search.mapping.discover_annotated_types_from_root_mapping_annotations", false);
        String name;
        if (shared()) {
            properties.put("hibernate.search.backend.type", "elasticsearch");
            properties.put("hibernate.search.backend.hosts", String.join(",", config.opensearchHosts()));
            properties.put("hibernate.search.backend.protocol", config.opensearchProtocol());
            config.opensearchUsername().ifPresent(u -> properties.put("hibernate.search.backend.username", u));
            config.opensearchPassword().ifPresent(p -> properties.put("hibernate.search.backend.password", p));
            properties.put("hibernate.search.backend.connection_timeout", 3000);
            properties.put("hibernate.search.backend.read_timeout", 10000);
            properties.put("hibernate.search.backend.request_timeout", 10000);
            properties.put("hibernate.search.backend.analysis.configurer", BeanReference.ofInstance(new Analysis.OpenSearch()));
            String prefix = config.opensearchIndex().toLowerCase(Locale.ROOT);
            properties.put("hibernate.search.backend.layout.strategy", BeanReference.ofInstance(new Prefixed(prefix)));
            name = "opensearch:" + prefix + "-" + SearchDocument.INDEX;
        } else {
            Path root = directory();
            folder = FolderLock.take(root);
            properties.put("hibernate.search.backend.type", "lucene");
            // The Lucene this build ships; an index an older build wrote is read as it is, or rebuilt (MAPPING_VERSION).
            properties.put("hibernate.search.backend.lucene_version", "LATEST");
            properties.put("hibernate.search.backend.directory.root", root.toString());
            properties.put("hibernate.search.backend.analysis.configurer", BeanReference.ofInstance(new Analysis.Lucene()));
            name = "lucene:" + instanceId(root);
            removeOlderIndexes(root);
            // The longest query a visitor can type, every word forgiven its typos, holds more clauses than Lucene's
            // default limit of 1,024 once each fuzzy word is expanded to its terms (QueryText.MOST_CLAUSES).
            IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), QueryText.MOST_CLAUSES));
        }
        CloseableSearchMapping built = SearchMapping.builder(AnnotatedTypeSource.fromClasses(SearchDocument.class))
                .properties(properties).build();
        try (SearchSession session = built.createSession()) {
            session.schemaManager().createIfMissing();
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
        stateName = name;
        mapping = built;
        LOG.infof("Search engine %s ready (index %s)", config.engine().name().toLowerCase(Locale.ROOT), name);
    }

    /** Drops the mapping after the engine failed, so the next use builds it again. */
    synchronized void reset() {
        CloseableSearchMapping old = mapping;
        mapping = null;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing a failed search mapping", e);
            }
        }
        releaseFolder();
    }

    private void releaseFolder() {
        if (folder != null) {
            folder.close();
            folder = null;
        }
    }

    /** A session for queries; a 503 problem while the engine is unavailable. */
    SearchSession session() {
        CloseableSearchMapping current = mapping;
        if (current == null) {
            throw new RegistryException.ServiceUnavailable("Search is starting or its engine cannot be reached; try again shortly", 5);
        }
        return current.createSession();
    }

    /** A session whose writes are committed and visible to searches when it closes. */
    SearchSession writingSession() {
        return writing(IndexingPlanSynchronizationStrategy.sync());
    }

    /**
     * A session for a rebuild's bulk writes: each write's future completes once the engine applied it, without a
     * commit or refresh of its own; the rebuild commits and refreshes once, through {@link #flushAndRefresh}.
     */
    SearchSession bulkSession() {
        return writing(IndexingPlanSynchronizationStrategy.async());
    }

    private SearchSession writing(IndexingPlanSynchronizationStrategy strategy) {
        CloseableSearchMapping current = mapping;
        if (current == null) {
            throw new IllegalStateException("The search engine is not open");
        }
        return current.createSessionWithOptions().indexingPlanSynchronizationStrategy(strategy).build();
    }

    /** Commits what bulk sessions wrote and makes it visible to searches. */
    void flushAndRefresh(SearchSession session) {
        session.workspace(SearchDocument.class).flush();
        session.workspace(SearchDocument.class).refresh();
    }

    /**
     * Merges a rebuilt embedded index into one segment: a rebuild leaves a dozen, and a search's facets join the
     * values of every segment (at 250,000 records, searches answer a fifth faster and suggestions a third faster on
     * one). Writes to the index wait meanwhile (seconds). The merge is committed at once: Lucene's merge alone leaves
     * the last commit naming the old segments, so the disk would hold the index twice, and a restart would find it
     * unmerged, until the next write. OpenSearch manages its own segments.
     */
    void compact() {
        if (shared()) {
            return;
        }
        long started = System.nanoTime();
        try (SearchSession session = writingSession()) {
            session.workspace(SearchDocument.class).mergeSegments();
            session.workspace(SearchDocument.class).flush();
            LOG.infof("Search index merged into one segment in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The index is whole either way: merging only makes searches cheaper (a merge needs about the index's size free).
            LOG.warnf("The rebuilt search index could not be merged into one segment, or the merge not committed: %s", e.toString());
        }
    }

    private Path directory() {
        return Path.of(config.directory().orElse(Path.of(registry.dataDir(), "search").toString())).toAbsolutePath();
    }

    /** The id of an embedded index folder, made when the folder is new. */
    private static String instanceId(Path root) {
        try {
            Files.createDirectories(root);
            Path file = root.resolve("index-id");
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("The search index folder " + root + " cannot be used", e);
        }
    }

    /**
     * Deletes the folders of indexes an older mapping wrote under another name ({@code records-v1} and so on): the
     * index of this mapping is rebuilt from the database, so they would only take disk space.
     */
    private static void removeOlderIndexes(Path root) {
        try (var folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String name = folder.getFileName().toString();
                if (name.matches("records-v[0-9]+") && !name.equals(SearchDocument.INDEX)) {
                    try (var files = Files.walk(folder)) {
                        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(file);
                        }
                    }
                    LOG.infof("Removed the search index %s an older version of the registry wrote", name);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Older search index folders under %s could not be removed: %s", root, e.toString());
        }
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        closed = true;
        reset();
    }

    /** OpenSearch names under a configurable prefix, so several registries can share one cluster. */
    record Prefixed(String prefix) implements IndexLayoutStrategy {
        @Override
        public String createInitialElasticsearchIndexName(String index) {
            return prefix + "-" + index + "-000001";
        }

        @Override
        public String createWriteAlias(String index) {
            return prefix + "-" + index + "-write";
        }

        @Override
        public String createReadAlias(String index) {
            return prefix + "-" + index + "-read";
        }
    }
}
