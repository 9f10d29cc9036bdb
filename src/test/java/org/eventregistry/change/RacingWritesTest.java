package org.eventregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.countWithTopic;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.change.Writes.PUBLICATIONS;
import static org.eventregistry.change.Writes.SPEAKERS;
import static org.eventregistry.change.Writes.addToLineup;
import static org.eventregistry.change.Writes.createPublication;
import static org.eventregistry.change.Writes.publication;
import static org.eventregistry.change.Writes.speaker;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes that race each other each get a clean answer: a success, a conflict or a failed precondition, never a 5xx. */
@QuarkusTest
class RacingWritesTest {

    private static final int RACERS = 20;
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(RACERS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    /** Sends the requests from their own threads, all released by one start gate, and returns every response in order. */
    private static List<Response> atOnce(List<Supplier<Response>> requests) throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (Supplier<Response> request : requests) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return request.get();
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS), "the racers did not line up");
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static List<Response> atOnce(int count, IntFunction<Response> request) throws Exception {
        List<Supplier<Response>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            requests.add(() -> request.apply(n));
        }
        return atOnce(requests);
    }

    private static Map<Integer, Long> statuses(List<Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    }

    private static long versionOf(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void theSameSpeakerAddedInTheSameRoleTwentyTimesAtOnceGetsOnePlaceAndNineteenConflicts() throws Exception {
        String event = createEvent(uniqueTag()).getString("id");
        String speaker = speaker("Racing", "Speaker").getString("id");

        List<Response> responses = atOnce(RACERS, i -> given().contentType(ContentType.JSON)
                .body(Map.of("speaker", speaker, "role", "SPEAKER")).post(EVENTS + "/" + event + "/speakers"));

        assertEquals(Map.of(201, 1L, 409, (long) RACERS - 1), statuses(responses), "statuses " + statuses(responses));
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> r.then().spec(problem(409)));
        given().get(EVENTS + "/" + event + "/speakers").then().statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void twentyEventsWithTheSameTitleAndNoSlugCreatedAtOnceAllSucceedWithDistinctSlugs() throws Exception {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("title", "Racing title " + topic);

        List<Response> responses = atOnce(RACERS, i -> given().contentType(ContentType.JSON).body(body).post(EVENTS));

        assertEquals(Map.of(201, (long) RACERS), statuses(responses), "statuses " + statuses(responses) + ", e.g. "
                + responses.stream().filter(r -> r.statusCode() != 201).map(Response::asString).findFirst().orElse(""));
        Set<String> slugs = responses.stream().map(r -> (String) r.path("slug")).collect(Collectors.toSet());
        assertEquals(RACERS, slugs.size(), "slugs " + slugs);
        assertEquals(RACERS, countWithTopic(topic));
    }

    @Test
    void twentyRetriesOfOnePostWithOneIdempotencyKeyAtOnceCreateOneEventAndAllAnswerIt() throws Exception {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        String key = "race-" + topic;

        List<Response> responses = atOnce(RACERS, i -> given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post(EVENTS));

        assertEquals(Map.of(201, (long) RACERS), statuses(responses), "statuses " + statuses(responses) + ", e.g. "
                + responses.stream().filter(r -> r.statusCode() != 201).map(Response::asString).findFirst().orElse(""));
        Set<String> ids = responses.stream().map(r -> (String) r.path("id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every retry answers the one event created: " + ids);
        assertEquals(1, countWithTopic(topic));
    }

    @Test
    void twentyPatchesOfOneEventWithoutIfMatchAtOnceAllSucceedAndEachMakesAVersion() throws Exception {
        String event = createEvent(uniqueTag()).getString("id");
        long initial = versionOf(EVENTS + "/" + event);

        List<Response> responses = atOnce(RACERS, i -> given().contentType(MERGE_PATCH_JSON)
                .body(Map.of("subtitle", "Subtitle number " + i)).patch(EVENTS + "/" + event));

        assertEquals(Map.of(200, (long) RACERS), statuses(responses), "statuses " + statuses(responses) + ", e.g. "
                + responses.stream().filter(r -> r.statusCode() != 200).map(Response::asString).findFirst().orElse(""));
        Set<Long> versions = responses.stream().map(r -> r.jsonPath().getLong("version")).collect(Collectors.toSet());
        assertEquals(RACERS, versions.size(), "two patches answered the same version: " + versions);
        assertEquals(initial + RACERS, versionOf(EVENTS + "/" + event));
    }

    @Test
    void twentyPatchesOfOneEventWithTheSameIfMatchAtOnceGiveOneSuccessAndNineteenPreconditionFailures() throws Exception {
        String event = createEvent(uniqueTag()).getString("id");
        String etag = given().get(EVENTS + "/" + event).then().statusCode(200).extract().header("ETag");
        long initial = versionOf(EVENTS + "/" + event);

        List<Response> responses = atOnce(RACERS, i -> given().header("If-Match", etag).contentType(MERGE_PATCH_JSON)
                .body(Map.of("subtitle", "Subtitle number " + i)).patch(EVENTS + "/" + event));

        assertEquals(Map.of(200, 1L, 412, (long) RACERS - 1), statuses(responses), "statuses " + statuses(responses));
        responses.stream().filter(r -> r.statusCode() == 412).forEach(r -> r.then().spec(problem(412)));
        assertEquals(initial + 1, versionOf(EVENTS + "/" + event));
    }

    @Test
    void deletingAnEventWhileItsEventSpeakerAndLineupAreUpdatedNeverGivesAServerError() throws Exception {
        Set<Integer> allowed = Set.of(200, 201, 204, 404, 409, 412);
        List<String> unclean = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            String topic = uniqueTag();
            String event = createEvent(topic).getString("id");
            String speaker = speaker("Round" + round, "Racer" + topic).getString("id");
            addToLineup(event, speaker, "SPEAKER");
            Map<String, Object> essay = publication(topic, "PUBLISHED", List.of(speaker));
            essay.put("relatedEvents", List.of(event));
            String essayId = createPublication(essay).getString("id");

            List<Supplier<Response>> requests = new ArrayList<>();
            requests.add(() -> given().delete(EVENTS + "/" + event));
            for (int i = 0; i < 3; i++) {
                int n = i;
                requests.add(() -> given().contentType(MERGE_PATCH_JSON).body(Map.of("subtitle", "Racing " + n))
                        .patch(EVENTS + "/" + event));
                requests.add(() -> given().contentType(MERGE_PATCH_JSON).body(Map.of("position", "Position " + n))
                        .patch(SPEAKERS + "/" + speaker));
            }
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("speaker", speaker);
            place.put("role", "MODERATOR");
            requests.add(() -> given().contentType(ContentType.JSON).body(List.of(place)).put(EVENTS + "/" + event + "/speakers"));

            List<Response> responses = atOnce(requests);
            for (Response response : responses) {
                if (!allowed.contains(response.statusCode())) {
                    unclean.add("round " + round + ": " + response.statusCode() + " " + response.asString());
                } else if (response.statusCode() >= 400) {
                    response.then().spec(problem(response.statusCode()));
                }
            }
            if (responses.get(0).statusCode() == 204) {
                given().get(EVENTS + "/" + event).then().statusCode(404);
            }
            given().get(PUBLICATIONS + "/" + essayId).then().statusCode(200);
        }
        assertEquals(List.of(), unclean, "answers that are not 200, 201, 204, 404, 409 or 412");
    }
}
