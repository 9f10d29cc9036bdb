package org.eventregistry;

import io.restassured.RestAssured;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * The one door every test request goes through, plus the few helpers that build test data through the API.
 * The suite also runs against a database that is never cleaned, so every test tags its data with {@link #uniqueTag()}.
 */
public final class RegistryApi {

    public static final String EVENTS = "/api/v1/events";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static {
        // Every answer a test receives is checked against openapi/openapi.yaml (ContractConformance).
        ContractConformance.install();
    }

    private RegistryApi() {
    }

    /** The admin token the test profile configures (registry.admin-token). */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    /** The request every test starts from: as staff work is done, with a token that may write and see drafts. */
    public static RequestSpecification given() {
        return as(ADMIN_TOKEN);
    }

    /** A request without credentials, as a public web frontend makes it. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().log().ifValidationFails();
    }

    /** A request with a bearer token. */
    public static RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** Issues a token of the role (PARTNER, STAFF, ADMIN) through the admin API and returns its secret. */
    public static String issueToken(String role) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", role.toLowerCase() + " " + uniqueTag(), "role", role))
                .when().post("/api/v1/admin/tokens")
                .then().statusCode(201)
                .extract().path("token");
    }

    /** The JSON text of a body, for requests that send it as written (or broken on purpose afterwards). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body or merge patch with one member, which may be null (Map.of refuses nulls). */
    public static Map<String, Object> single(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(field, value);
        return body;
    }

    /** A lower-case tag no other test or earlier run uses, fit for a topic, a title or a slug. */
    public static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The smallest valid event body, tagged with {@code topic}; a mutable map so tests can change fields. */
    public static Map<String, Object> minimalEvent(String topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Event " + topic + " " + uniqueTag());
        body.put("type", "LECTURE");
        body.put("startsAt", "2030-05-10T10:00:00+02:00");
        body.put("endsAt", "2030-05-10T12:00:00+02:00");
        body.put("timeZone", "Europe/Belgrade");
        body.put("topics", List.of(topic));
        return body;
    }

    /** A minimal event body with the given title and publication status (DRAFT or PUBLISHED). */
    public static Map<String, Object> event(String title, String topic, String publicationStatus) {
        Map<String, Object> body = minimalEvent(topic);
        body.put("title", title);
        body.put("publicationStatus", publicationStatus);
        return body;
    }

    /** Creates an event from {@code body}, insists on 201, and returns the created event. */
    public static JsonPath createEvent(Map<String, Object> body) {
        return given()
                .contentType(ContentType.JSON)
                .body(body)
                .when().post(EVENTS)
                .then().statusCode(201)
                .extract().jsonPath();
    }

    /** Creates a minimal event tagged with {@code topic} and returns it. */
    public static JsonPath createEvent(String topic) {
        return createEvent(minimalEvent(topic));
    }

    /** How many events carry the topic, as the list reports it. */
    public static int countWithTopic(String topic) {
        return given()
                .queryParam("topic", topic)
                .when().get(EVENTS)
                .then().statusCode(200)
                .extract().path("total");
    }

    /** The ids of the events with the topic, in the list's order for {@code sort}. */
    public static List<String> idsWithTopic(String topic, String sort) {
        return given()
                .queryParam("topic", topic)
                .queryParam("sort", sort)
                .queryParam("limit", 100)
                .when().get(EVENTS)
                .then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    /**
     * Waits until the search index holds every write made so far (a search waits for that itself), so that the
     * indexer's work after earlier writes does not run during a measurement.
     */
    public static void searchIndexCurrent() {
        long deadline = System.currentTimeMillis() + 30_000;
        boolean current = false;
        while (!current && System.currentTimeMillis() < deadline) {
            current = given().queryParam("limit", 1).get("/api/v1/search").then().statusCode(200).extract().path("current");
        }
        org.junit.jupiter.api.Assertions.assertTrue(current, "the search index did not catch up within 30 s");
    }

    /** What every error response must look like: problem+json with the status, and no stack trace. */
    public static ResponseSpecification problem(int status) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectHeader("Content-Type", startsWith(PROBLEM_JSON))
                .expectBody("status", equalTo(status))
                .expectBody("title", not(equalTo(null)))
                .expectBody(not(containsString("at org.")))
                .expectBody(not(containsString("Exception")))
                .build();
    }
}
