package org.eventregistry.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.eventregistry.RegistryApi.ADMIN_TOKEN;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** Budgets per caller: anonymous by address, each token its own; a spent budget is a 429 with Retry-After. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {

    /** Budgets small enough to spend in a test; X-Forwarded-For is not trusted. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "registry.rate-limit.anonymous-per-minute", "5",
                    "registry.rate-limit.partner-per-minute", "8",
                    "registry.rate-limit.staff-per-minute", "12",
                    "registry.trust-forwarded-for", "false");
        }
    }

    @Test
    void anonymousCallersGet429OnceTheirBudgetIsSpentAndTokensKeepTheirOwn() {
        String first = anonymous().get("/api/v1/events").then().statusCode(200)
                .header("RateLimit-Limit", "5").extract().header("RateLimit-Remaining");
        int remaining = Integer.parseInt(first);
        for (int i = 0; i < remaining; i++) {
            anonymous().header("X-Forwarded-For", "203.0.113." + i).get("/api/v1/events").then().statusCode(200);
        }
        anonymous().header("X-Forwarded-For", "198.51.100.7").get("/api/v1/events").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", notNullValue())
                .body("status", equalTo(429));

        // A token's budget is separate from the address's, and sized by its role.
        as(ADMIN_TOKEN).get("/api/v1/events").then().statusCode(200).header("RateLimit-Limit", "12");

        // Operators see the refusals.
        anonymous().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*registry_rate_limit_refusals_total\\{budget=\"anonymous\"[^}]*} [1-9].*"));
    }
}
