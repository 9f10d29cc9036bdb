package org.eventregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partner change stream: every write in commit order, tombstones, no drafts or private fields, no misses. */
@QuarkusTest
class ChangeStreamTest {

    static final String CHANGES = "/api/v1/changes";

    static String head() {
        return anonymous().queryParam("after", "now").get(CHANGES).then().statusCode(200).extract().path("nextCursor");
    }

    /** Every change after the cursor, following nextCursor to the end, and the final cursor. */
    static List<Map<String, Object>> follow(String cursor, List<String> cursorOut) {
        List<Map<String, Object>> all = new ArrayList<>();
        boolean more;
        do {
            JsonPath page = anonymous().queryParam("after", cursor).queryParam("limit", 7).get(CHANGES)
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            more = page.getBoolean("more");
        } while (more);
        if (cursorOut != null) {
            cursorOut.add(cursor);
        }
        return all;
    }

    static List<Map<String, Object>> about(List<Map<String, Object>> changes, Set<String> ids) {
        return changes.stream().filter(c -> ids.contains((String) c.get("id"))).toList();
    }

    @Test
    void recordsEveryCreateUpdateAndDeleteInCommitOrderWithTombstones() {
        String start = head();
        String topic = uniqueTag();
        String event = createEvent(topic).getString("id");
        given().contentType("application/merge-patch+json").body(Map.of("subtitle", "Changed")).patch("/api/v1/events/" + event)
                .then().statusCode(200);
        String speaker = given().contentType(ContentType.JSON).body(Map.of("givenName", "Meg", "familyName", "King",
                "email", "meg@example.org", "phone", "+1 202 555 0100")).post("/api/v1/speakers").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("speaker", speaker, "role", "SPEAKER"))
                .post("/api/v1/events/" + event + "/speakers").then().statusCode(201);
        given().queryParam("unlink", "true").delete("/api/v1/speakers/" + speaker).then().statusCode(204);
        given().delete("/api/v1/events/" + event).then().statusCode(204);

        List<Map<String, Object>> changes = about(follow(start, null), Set.of(event, speaker));
        List<String> seen = changes.stream().map(c -> c.get("kind") + ":" + c.get("operation")).toList();
        assertEquals(List.of("event:CREATE", "event:UPDATE", "speaker:CREATE", "lineup:CREATE", "lineup:DELETE", "speaker:DELETE",
                "event:DELETE"), seen);
        Map<String, Object> patched = changes.get(1);
        assertEquals("Changed", ((Map<?, ?>) patched.get("record")).get("subtitle"));
        assertEquals(1, patched.get("version"));
        Map<?, ?> speakerRecord = (Map<?, ?>) changes.get(2).get("record");
        assertFalse(speakerRecord.containsKey("email"), "private fields in the stream: " + speakerRecord);
        assertFalse(speakerRecord.containsKey("phone"), "private fields in the stream: " + speakerRecord);
        assertEquals(1, ((List<?>) changes.get(3).get("record")).size());
        assertNull(changes.get(4).get("record"), "a line-up left without places is gone for the public");
        assertNull(changes.get(5).get("record"));
        assertNull(changes.get(6).get("record"));
        assertEquals(changes.get(6).get("slug"), changes.get(0).get("slug"));
    }

    @Test
    void draftsLeaveNoTraceUntilPublished() {
        String start = head();
        Map<String, Object> body = minimalEvent(uniqueTag());
        body.put("publicationStatus", "DRAFT");
        String id = createEvent(body).getString("id");
        given().contentType("application/merge-patch+json").body(Map.of("publicationStatus", "PUBLISHED")).patch("/api/v1/events/" + id);
        given().contentType("application/merge-patch+json").body(Map.of("publicationStatus", "DRAFT")).patch("/api/v1/events/" + id);
        List<Map<String, Object>> changes = about(follow(start, null), Set.of(id));
        assertEquals(List.of("CREATE", "DELETE"), changes.stream().map(c -> (String) c.get("operation")).toList());
        assertEquals("PUBLISHED", ((Map<?, ?>) changes.get(0).get("record")).get("publicationStatus"));
        assertNull(changes.get(1).get("record"));
    }

    @Test
    void applyingTheStreamGivesExactlyThePublicState() {
        String start = head();
        String topic = uniqueTag();
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            int action = ids.isEmpty() ? 0 : random.nextInt(5);
            if (action <= 1) {
                Map<String, Object> body = minimalEvent(topic);
                body.put("publicationStatus", random.nextBoolean() ? "PUBLISHED" : "DRAFT");
                ids.add(createEvent(body).getString("id"));
            } else if (action == 2) {
                String id = ids.get(random.nextInt(ids.size()));
                given().contentType("application/merge-patch+json").body(Map.of("title", "Step " + step + " " + topic))
                        .patch("/api/v1/events/" + id).then().statusCode(200);
            } else if (action == 3) {
                String id = ids.get(random.nextInt(ids.size()));
                given().contentType("application/merge-patch+json")
                        .body(Map.of("publicationStatus", random.nextBoolean() ? "PUBLISHED" : "DRAFT"))
                        .patch("/api/v1/events/" + id).then().statusCode(200);
            } else {
                given().delete("/api/v1/events/" + ids.remove(random.nextInt(ids.size()))).then().statusCode(204);
            }
        }
        Map<String, Map<?, ?>> replica = new HashMap<>();
        for (Map<String, Object> change : follow(start, null)) {
            if (!"event".equals(change.get("kind"))) {
                continue;
            }
            if ("DELETE".equals(change.get("operation"))) {
                replica.remove((String) change.get("id"));
            } else {
                replica.put((String) change.get("id"), (Map<?, ?>) change.get("record"));
            }
        }
        Map<String, String> mine = replica.entrySet().stream()
                .filter(e -> ((List<?>) e.getValue().get("topics")).contains(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("title") + "@" + e.getValue().get("version")));
        JsonPath list = anonymous().queryParam("topic", topic).queryParam("limit", 100).get("/api/v1/events").then().extract().jsonPath();
        Map<String, String> expected = new HashMap<>();
        List<Map<String, Object>> items = list.getList("items");
        items.forEach(i -> expected.put((String) i.get("id"), i.get("title") + "@" + i.get("version")));
        assertEquals(expected, mine);
        assertTrue(expected.size() > 0, "the random walk should leave some public events");
    }

    @Test
    void concurrentWritersNeverMakeAFollowerMissAChange() throws Exception {
        String cursor = head();
        String topic = uniqueTag();
        int writers = 6;
        int perWriter = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            futures.add(pool.submit(() -> {
                List<String> made = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    made.add(createEvent(topic).getString("id"));
                }
                return made;
            }));
        }
        // Follow while the writers commit: every page continues exactly where the last one ended.
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        while (futures.stream().anyMatch(f -> !f.isDone())) {
            List<String> next = new ArrayList<>();
            for (Map<String, Object> change : follow(cursor, next)) {
                if ("event".equals(change.get("kind"))) {
                    order.add((String) change.get("id"));
                    seen.add((String) change.get("id"));
                }
            }
            cursor = next.get(0);
        }
        Set<String> created = new HashSet<>();
        for (Future<List<String>> f : futures) {
            created.addAll(f.get());
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        List<String> rest = new ArrayList<>();
        for (Map<String, Object> change : follow(cursor, rest)) {
            order.add((String) change.get("id"));
            seen.add((String) change.get("id"));
        }
        assertEquals(writers * perWriter, created.size());
        assertTrue(seen.containsAll(created), "missed " + created.stream().filter(id -> !seen.contains(id)).toList());
        assertEquals(order.size(), new HashSet<>(order).size(), "a change was delivered twice");
    }

    @Test
    void cursorsTypesAndLimitsAreCheckedAndAnEmptyPageKeepsTheCursor() {
        String cursor = head();
        anonymous().queryParam("after", cursor).get(CHANGES).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", equalTo(cursor)).body("more", equalTo(false));
        String etag = anonymous().queryParam("after", cursor).get(CHANGES).then().extract().header("ETag");
        anonymous().queryParam("after", cursor).header("If-None-Match", etag).get(CHANGES).then().statusCode(304);
        createEvent(uniqueTag());
        anonymous().queryParam("after", cursor).header("If-None-Match", etag).get(CHANGES).then().statusCode(200);
        anonymous().queryParam("after", cursor).queryParam("type", "speaker").get(CHANGES).then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("speaker")));

        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        anonymous().queryParam("after", tampered).get(CHANGES).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("after", "garbage").get(CHANGES).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("type", "invoice").get(CHANGES).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("limit", 0).get(CHANGES).then().statusCode(400);
        anonymous().queryParam("limit", 1001).get(CHANGES).then().statusCode(400);
        anonymous().queryParam("limit", 1000).queryParam("after", cursor).get(CHANGES).then().statusCode(200);
    }

    @Test
    void aLineupShowsPublicSpeakerSummariesAndFollowsSpeakerChanges() {
        String start = head();
        String event = createEvent(uniqueTag()).getString("id");
        String speaker = given().contentType(ContentType.JSON).body(Map.of("givenName", "Vuk", "familyName", "Jeremić"))
                .post("/api/v1/speakers").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("speaker", speaker, "role", "MODERATOR"))
                .post("/api/v1/events/" + event + "/speakers").then().statusCode(201);
        given().contentType("application/merge-patch+json").body(Map.of("position", "President"))
                .patch("/api/v1/speakers/" + speaker).then().statusCode(200);
        List<Map<String, Object>> lineups = follow(start, null).stream()
                .filter(c -> "lineup".equals(c.get("kind")) && event.equals(c.get("id"))).toList();
        assertEquals(2, lineups.size(), "a line-up change when added and when its speaker changed: " + lineups);
        Map<?, ?> place = (Map<?, ?>) ((List<?>) lineups.get(1).get("record")).get(0);
        assertEquals("President", ((Map<?, ?>) place.get("speaker")).get("position"));
    }
}
