package org.eventregistry.platform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eventregistry.platform.http.Problem;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a failure to write the embedded database to disk ({@link EmbeddedCommits}) means for the answers: a write
 * that would have answered 2xx answers a 503 problem instead, since its commit may not be on disk ({@link Health}:
 * and the liveness check goes down, since only a restart, once the disk is mended, brings the database back).
 */
public class StorageFailure {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final EmbeddedCommits commits;

    StorageFailure(EmbeddedCommits commits) {
        this.commits = commits;
    }

    @ServerResponseFilter
    public void unconfirmed(ContainerRequestContext request, ContainerResponseContext response) {
        answer(request.getMethod(), response.getStatus(), commits.failure().isPresent(), request.getUriInfo().getPath())
                .ifPresent(problem -> {
                    response.setStatus(problem.status());
                    response.getHeaders().remove("Location");
                    response.getHeaders().remove("ETag");
                    response.setEntity(problem, null, MediaType.valueOf(Problem.MEDIA_TYPE));
                });
    }

    /** The problem a write's answer is replaced with once the database could not be written, if it is. */
    static Optional<Problem> answer(String method, int status, boolean failed, String path) {
        if (!failed || READS.contains(method) || status < 200 || status > 299) {
            return Optional.empty();
        }
        return Optional.of(new Problem("/problems/storage-failed", "Service unavailable", 503,
                "The registry could not write its database to disk, so this write may not be kept; it needs a restart",
                path, List.of()));
    }

    /** The embedded database's storage in /q/health/live: down once it could not be written. */
    @Liveness
    @ApplicationScoped
    public static class Health implements HealthCheck {

        private final EmbeddedCommits commits;

        Health(EmbeddedCommits commits) {
            this.commits = commits;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("embedded-database-storage").status(commits.failure().isEmpty()).build();
        }
    }
}
