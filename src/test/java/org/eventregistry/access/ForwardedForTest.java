package org.eventregistry.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.eventregistry.RegistryApi.anonymous;

/** Behind a trusted proxy, the address the proxy appended to X-Forwarded-For has its own budget. */
@QuarkusTest
@TestProfile(ForwardedForTest.TrustedProxy.class)
class ForwardedForTest {

    /** Three anonymous requests a minute, and X-Forwarded-For believed. */
    public static class TrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.rate-limit.anonymous-per-minute", "3", "registry.trust-forwarded-for", "true");
        }
    }

    @Test
    void eachForwardedClientHasItsOwnBudget() {
        for (int i = 0; i < 3; i++) {
            anonymous().header("X-Forwarded-For", "10.0.0.1, 203.0.113.10").get("/api/v1/events").then().statusCode(200);
        }
        anonymous().header("X-Forwarded-For", "10.0.0.1, 203.0.113.10").get("/api/v1/events").then().statusCode(429);
        // The client cannot pick a new identity by forging the left of the header: our proxy's entry is the last one.
        anonymous().header("X-Forwarded-For", "192.0.2.99, 203.0.113.10").get("/api/v1/events").then().statusCode(429);
        anonymous().header("X-Forwarded-For", "203.0.113.11").get("/api/v1/events").then().statusCode(200);
    }
}
