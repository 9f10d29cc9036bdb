package org.eventregistry.platform.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's connection pool hands every returned connection to {@link EmbeddedCommits}. */
@QuarkusTest
class EmbeddedCommitsPoolTest {

    @Inject
    AgroalDataSource db;

    @Test
    void thePoolRunsTheGroupCommitOnEveryReturn() {
        assertTrue(db.getPoolInterceptors().stream().anyMatch(EmbeddedCommits.class::isInstance),
                "pool interceptors: " + db.getPoolInterceptors());
    }
}
