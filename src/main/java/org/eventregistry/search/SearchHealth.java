package org.eventregistry.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The search index in /q/health/ready: how far behind the write log it is (writes and seconds). An embedded index
 * that cannot open makes the instance not ready; an unreachable OpenSearch does not (everything but search still
 * works, and searches answer 503 problems until it is back).
 */
@Readiness
@ApplicationScoped
public class SearchHealth implements HealthCheck {

    private final Indexer indexer;

    SearchHealth(Indexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("search");
        try {
            Indexer.Lag lag = indexer.lag();
            response.status(lag.available() || lag.engine().equals("opensearch"))
                    .withData("engine", lag.engine())
                    .withData("available", lag.available())
                    .withData("rebuilding", lag.rebuilding())
                    .withData("position", lag.position())
                    .withData("head", lag.head())
                    .withData("changesBehind", lag.changesBehind())
                    .withData("secondsBehind", String.valueOf(lag.secondsBehind()));
        } catch (RuntimeException e) {
            response.down().withData("error", e.getClass().getSimpleName());
        }
        return response.build();
    }
}
