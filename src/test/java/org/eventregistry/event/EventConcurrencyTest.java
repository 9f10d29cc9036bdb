package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.countWithTopic;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creates that race each other: never a 500, never a duplicate. */
@QuarkusTest
class EventConcurrencyTest {

    private static final int ATTEMPTS = 4;

    /** Sends {@code request} from several threads at the same moment and returns every response. */
    private static List<Response> atOnce(Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertCreatedOrConflict(Response response) {
        assertTrue(response.statusCode() == 201 || response.statusCode() == 409,
                "status " + response.statusCode() + ": " + response.asString());
        if (response.statusCode() == 409) {
            response.then().spec(problem(409));
        }
    }

    @Test
    void createsEventsWithTheSameTitleAtOnceWithoutAServerError() throws Exception {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);

        List<Response> responses = atOnce(() -> given().contentType(ContentType.JSON).body(body).when().post(EVENTS));

        Set<String> slugs = new HashSet<>();
        for (Response response : responses) {
            assertCreatedOrConflict(response);
            if (response.statusCode() == 201) {
                assertTrue(slugs.add(response.path("slug")), "two events got the slug " + response.path("slug"));
            }
        }
        assertEquals(slugs.size(), countWithTopic(topic));
    }

    @Test
    void createsOneEventWhenRetriesWithTheSameKeyRace() throws Exception {
        String topic = uniqueTag();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimalEvent(topic);

        List<Response> responses = atOnce(() -> given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(EVENTS));

        Set<String> ids = new HashSet<>();
        for (Response response : responses) {
            assertCreatedOrConflict(response);
            if (response.statusCode() == 201) {
                ids.add(response.path("id"));
            }
        }
        assertEquals(1, ids.size(), "retries answered different events: " + ids);
        assertEquals(1, countWithTopic(topic));
    }

    @Test
    void createsEventsWithDifferentTitlesAtOnce() throws Exception {
        String topic = uniqueTag();

        List<Response> responses = atOnce(() -> given().contentType(ContentType.JSON).body(minimalEvent(topic)).when().post(EVENTS));

        for (Response response : responses) {
            assertEquals(201, response.statusCode(), response.asString());
        }
        assertEquals(ATTEMPTS, countWithTopic(topic));
    }
}
