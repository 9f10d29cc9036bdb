package org.eventregistry.access;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as each kind of caller; tokens are issued through the admin API as a user would. */
final class Callers {

    /** The admin token the test profile configures (registry.admin-token). */
    static final String ADMIN = "test-admin-token-0123456789";

    private Callers() {
    }

    static RequestSpecification anonymous() {
        return given();
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** Issues a token of the role through POST /api/v1/admin/tokens and returns its secret. */
    static String issue(String role) {
        return as(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", role.toLowerCase() + " " + UUID.randomUUID(), "role", role))
                .post("/api/v1/admin/tokens")
                .then().statusCode(201)
                .extract().path("token");
    }

    /** A valid event body, published unless told otherwise, tagged with a topic the test can filter on. */
    static Map<String, Object> event(String title, String topic, String publicationStatus) {
        return Map.of(
                "title", title,
                "type", "LECTURE",
                "publicationStatus", publicationStatus,
                "startsAt", "2026-05-14T18:00:00+02:00",
                "endsAt", "2026-05-14T19:30:00+02:00",
                "timeZone", "Europe/Belgrade",
                "topics", java.util.List.of(topic));
    }

    static String topic() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
