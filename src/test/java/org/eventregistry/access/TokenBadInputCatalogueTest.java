package org.eventregistry.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.eventregistry.RegistryApi.json;
import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens: a body with a key twice is refused and issues nothing; a name of the longest allowed length works
 * everywhere a name is used (the Idempotency-Key scope among them); no control character reaches the audit log.
 */
@QuarkusTest
class TokenBadInputCatalogueTest {

    private static final String TOKENS = "/api/v1/admin/tokens";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The names of every token, following the list's pages. */
    private static List<String> tokenNames() {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(TOKENS).then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("items.name", String.class));
            cursor = page.getString("nextCursor");
            assertTrue(++pages < 10_000, "the token list never ends");
        } while (cursor != null);
        return names;
    }

    private static void assertNoTokenNameContains(String tag) {
        List<String> named = tokenNames().stream().filter(n -> n.contains(tag)).toList();
        assertEquals(List.of(), named, "a refused request issued a token");
    }

    // ---- 4. Duplicate keys ----

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"%s\",\"role\":\"PARTNER\",\"role\":\"ADMIN\"}",
            "{\"name\":\"%s\",\"role\":\"ADMIN\",\"role\":\"PARTNER\"}",
            "{\"name\":\"%s\",\"name\":\"%s again\",\"role\":\"PARTNER\"}",
            "{\"name\":\"%s\",\"role\":\"PARTNER\",\"expiresAt\":\"2020-01-01T00:00:00Z\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}"})
    void refusesATokenBodyWithAKeyTwiceAndIssuesNothing(String template) {
        String tag = uniqueTag();
        String body = template.replace("%s", "Duplicate " + tag);

        given().contentType(ContentType.JSON).body(body).post(TOKENS).then().spec(problem(400));

        assertNoTokenNameContains(tag);
    }

    // ---- 3. Idempotency-Key with the longest token name ----

    /** A STAFF token whose name has exactly 100 characters, the most a name may have. */
    private static String staffWithTheLongestName() {
        String name = "Long name " + uniqueTag() + " ";
        name = name + "x".repeat(100 - name.length());
        assertEquals(100, name.length());
        Response issued = given().contentType(ContentType.JSON).body(Map.of("name", name, "role", "STAFF")).post(TOKENS);
        issued.then().statusCode(201).body("name", equalTo(name));
        return issued.path("token");
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("/api/v1/events", (java.util.function.Function<String, Map<String, Object>>) topic -> minimalEvent(topic)),
                Arguments.of("/api/v1/speakers", (java.util.function.Function<String, Map<String, Object>>) topic -> {
                    Map<String, Object> speaker = new LinkedHashMap<>();
                    speaker.put("givenName", "Meg");
                    speaker.put("familyName", "King " + uniqueTag());
                    speaker.put("topics", List.of(topic));
                    return speaker;
                }),
                Arguments.of("/api/v1/publications", (java.util.function.Function<String, Map<String, Object>>) topic -> {
                    Map<String, Object> publication = new LinkedHashMap<>();
                    publication.put("type", "ESSAY");
                    publication.put("title", "Essay " + uniqueTag());
                    publication.put("topics", List.of(topic));
                    return publication;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void anIdempotencyKeyWorksForATokenWithAHundredCharacterName(String collection,
                                                                 java.util.function.Function<String, Map<String, Object>> bodyOf) {
        String staff = staffWithTheLongestName();
        String topic = uniqueTag();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = bodyOf.apply(topic);

        Response first = as(staff).header("Idempotency-Key", key).contentType(ContentType.JSON).body(json(body)).post(collection);
        first.then().statusCode(201);
        Response retry = as(staff).header("Idempotency-Key", key).contentType(ContentType.JSON).body(json(body)).post(collection);
        retry.then().statusCode(201).body("id", equalTo(first.path("id")));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.jsonPath().getMap("$"), retry.jsonPath().getMap("$"));

        Map<String, Object> other = bodyOf.apply(topic);
        as(staff).header("Idempotency-Key", key).contentType(ContentType.JSON).body(json(other)).post(collection)
                .then().spec(problem(422)).body("errors.pointer", hasItem("Idempotency-Key"));

        given().queryParam("topic", topic).get(collection).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void refusesANameOfAHundredAndOneCharacters() {
        String tag = uniqueTag();
        String name = "Too long " + tag + " ";
        name = name + "x".repeat(101 - name.length());

        given().contentType(ContentType.JSON).body(Map.of("name", name, "role", "STAFF")).post(TOKENS)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/name"));

        assertNoTokenNameContains(tag);
    }

    // ---- 15. Control characters never reach the audit log ----

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                Arguments.of("line feed", "\n"),
                Arguments.of("carriage return and line feed", "\r\n"),
                Arguments.of("tab", "\t"),
                Arguments.of("escape", "\u001b[31m"),
                Arguments.of("delete", "\u007f"),
                Arguments.of("next line (C1)", "\u0085"),
                Arguments.of("control sequence introducer (C1)", "\u009b31m"));
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void aTokenNameWithAControlCharacterIsRefusedOrNeverReachesTheAuditLogWithIt(String label, String control) {
        String tag = uniqueTag();
        String name = "Audit desk " + tag + control + "2026-01-01T00:00:00Z actor=admin:config";

        Response issued = given().contentType(ContentType.JSON).body(json(Map.of("name", name, "role", "STAFF"))).post(TOKENS);

        if (issued.statusCode() != 201) {
            issued.then().statusCode(anyOf(is(400), is(422))).contentType(startsWith(PROBLEM_JSON))
                    .body("errors.pointer", hasItem("/name"));
            assertNoTokenNameContains(tag);
            return;
        }
        String staff = issued.path("token");
        String requestId = "control-" + tag;
        String id = as(staff).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(event("Audited " + tag, tag, "PUBLISHED")).post("/api/v1/events")
                .then().statusCode(201).extract().path("id");

        JsonPath audit = given().queryParam("recordId", id).get("/api/v1/admin/audit").then().statusCode(200).extract().jsonPath();
        List<String> actors = audit.getList("items.actor", String.class);
        assertFalse(actors.isEmpty(), "the write was not audited");
        for (String actor : actors) {
            assertFalse(hasControlCharacter(actor), "the audit log shows a control character in " + JSON.valueToTree(actor));
            assertTrue(actor.contains(tag), "the audit log no longer names the token: " + actor);
        }
    }
}
