package org.eventregistry.change;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.given;

/** Staff writes the write-path tests repeat: speakers, publications, line-up places and merge patches. */
public final class Writes {

    public static final String SPEAKERS = "/api/v1/speakers";
    public static final String PUBLICATIONS = "/api/v1/publications";

    private Writes() {
    }

    /** Creates a speaker and returns it. */
    public static JsonPath speaker(String givenName, String familyName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", givenName);
        body.put("familyName", familyName);
        return given().contentType(ContentType.JSON).body(body).post(SPEAKERS).then().statusCode(201).extract().jsonPath();
    }

    /** A publication body tagged with {@code topic}, with the given authors (ids or slugs). */
    public static Map<String, Object> publication(String topic, String publicationStatus, List<String> authors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ESSAY");
        body.put("title", "Essay " + topic);
        body.put("publishedOn", "2024-03");
        body.put("topics", List.of(topic));
        body.put("publicationStatus", publicationStatus);
        body.put("authors", authors);
        return body;
    }

    /** Creates a publication and returns it. */
    public static JsonPath createPublication(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(PUBLICATIONS).then().statusCode(201).extract().jsonPath();
    }

    /** Sends a merge patch to {@code path}, insists on 200, and returns the changed record. */
    public static JsonPath patch(String path, Map<String, Object> changes) {
        return given().contentType(MERGE_PATCH_JSON).body(changes).patch(path).then().statusCode(200).extract().jsonPath();
    }

    /** Adds a speaker to an event's line-up in a role, insisting on 201, and returns the place. */
    public static JsonPath addToLineup(String event, String speaker, String role) {
        return given().contentType(ContentType.JSON).body(Map.of("speaker", speaker, "role", role))
                .post("/api/v1/events/" + event + "/speakers").then().statusCode(201).extract().jsonPath();
    }
}
