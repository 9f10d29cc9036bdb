package org.eventregistry.ci;

import org.codelibs.opensearch.runner.OpenSearchRunner;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real OpenSearch node on loopback for the registry's CI: {@code OpenSearchNode <http-port> <data-folder>}.
 * It runs until it is killed, and prints "OPENSEARCH READY" once the cluster is yellow.
 */
public final class OpenSearchNode {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path base = Path.of(args[1]);
        Files.createDirectories(base);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> {
            settings.put("http.port", String.valueOf(port));
            settings.put("transport.port", String.valueOf(port + 100));
            settings.put("discovery.type", "single-node");
            // The registry's longest query, every word forgiven its typos, holds up to about 1,900 clauses (README).
            settings.put("indices.query.bool.max_clause_count", "4096");
            settings.put("http.host", "127.0.0.1");
            settings.put("network.host", "127.0.0.1");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        }).build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1).clusterName("registry-ci").disableESLogger());
        runner.ensureYellow();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                // The process is ending.
            }
        }));
        System.out.println("OPENSEARCH READY on " + port);
        Thread.currentThread().join();
    }
}
