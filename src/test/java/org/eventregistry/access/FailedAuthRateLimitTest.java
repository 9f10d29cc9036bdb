package org.eventregistry.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guessing tokens is rate-limited: a client that keeps sending unknown bearer tokens gets 429 with Retry-After. */
@QuarkusTest
@TestProfile(FailedAuthRateLimitTest.SmallFailureBudget.class)
class FailedAuthRateLimitTest {

    static final int FAILURE_BUDGET = 20;

    /**
     * Twenty failed authentications a minute per client, the success budgets as high as elsewhere in the tests.
     * Unknown registry.* keys are let through so that, while the setting does not exist, the test starts and fails
     * on what it checks rather than at start-up.
     */
    public static class SmallFailureBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "registry.rate-limit.failed-auth-per-minute", Integer.toString(FAILURE_BUDGET),
                    "registry.trust-forwarded-for", "false",
                    "smallrye.config.mapping.validate-unknown", "false");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String inventedToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "reg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void manyUnknownBearerTokensFromOneClientEndInA429WithRetryAfter() {
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < FAILURE_BUDGET + 10; i++) {
            // A new address each time in X-Forwarded-For changes nothing: it is not trusted here.
            Response response = anonymous().header("Authorization", "Bearer " + inventedToken())
                    .header("X-Forwarded-For", "203.0.113." + i).get("/api/v1/events");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && limited == null) {
                limited = response;
            }
        }

        assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), "statuses: " + statuses);
        assertTrue(statuses.get(0) == 401, "the first guess is a plain 401: " + statuses);
        assertTrue(limited != null, "30 unknown tokens in a row were never limited: " + statuses);
        assertTrue(statuses.indexOf(429) >= FAILURE_BUDGET / 2, "limited long before the budget was spent: " + statuses);
        limited.then().contentType(startsWith("application/problem+json")).body("status", equalTo(429));
        String retryAfter = limited.header("Retry-After");
        assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*"), "Retry-After: " + retryAfter);
    }
}
