package org.eventregistry.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.eventregistry.RegistryApi.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyIterable;

/** The liveness and readiness probes that an orchestrator polls. */
@QuarkusTest
class HealthTest {

    @Test
    void reportsLive() {
        given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void reportsReadyIncludingTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks", not(emptyIterable()))
                .body("checks.findAll { it.name.toLowerCase().contains('database') }.status", hasItem("UP"))
                .body("checks.status", not(hasItem("DOWN")));
    }
}
