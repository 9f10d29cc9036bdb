package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** ETag on every single-event response, If-None-Match on reads and If-Match on writes. */
@QuarkusTest
class EventConditionalRequestTest {

    private static String etagOf(String id) {
        return given().when().get(EVENTS + "/" + id)
                .then().statusCode(200).header("ETag", not(emptyOrNullString()))
                .extract().header("ETag");
    }

    /** Makes the event move on to a new version and returns the tag it had before. */
    private static String staleTag(String id) {
        String old = etagOf(id);
        given().contentType(MERGE_PATCH_JSON).body(Map.of("summary", "moved on " + uniqueTag()))
                .when().patch(EVENTS + "/" + id).then().statusCode(200);
        assertNotEquals(old, etagOf(id));
        return old;
    }

    @Test
    void answersNotModifiedWhenIfNoneMatchNamesTheCurrentTag() {
        String id = createEvent(uniqueTag()).getString("id");
        String etag = etagOf(id);

        given().header("If-None-Match", etag).when().get(EVENTS + "/" + id)
                .then().statusCode(304).header("ETag", equalTo(etag));
    }

    @Test
    void answersTheEventWhenIfNoneMatchNamesAnOlderTag() {
        String id = createEvent(uniqueTag()).getString("id");
        String old = staleTag(id);

        given().header("If-None-Match", old).when().get(EVENTS + "/" + id)
                .then().statusCode(200).body("id", equalTo(id)).header("ETag", not(equalTo(old)));
    }

    @Test
    void refusesAPutWithAStaleIfMatchAndChangesNothing() {
        String topic = uniqueTag();
        String id = createEvent(topic).getString("id");
        String stale = staleTag(id);
        Map<String, Object> before = given().when().get(EVENTS + "/" + id).then().extract().jsonPath().getMap("$");
        Map<String, Object> replacement = minimalEvent(topic);
        replacement.put("title", "Should not land " + topic);

        given().header("If-Match", stale).contentType(ContentType.JSON).body(replacement)
                .when().put(EVENTS + "/" + id)
                .then().spec(problem(412));

        Map<String, Object> after = given().when().get(EVENTS + "/" + id).then().extract().jsonPath().getMap("$");
        assertEquals(before, after);
    }

    @Test
    void refusesAPatchWithAStaleIfMatchAndChangesNothing() {
        String id = createEvent(uniqueTag()).getString("id");
        String stale = staleTag(id);
        Map<String, Object> before = given().when().get(EVENTS + "/" + id).then().extract().jsonPath().getMap("$");

        given().header("If-Match", stale).contentType(MERGE_PATCH_JSON).body(Map.of("status", "CANCELLED"))
                .when().patch(EVENTS + "/" + id)
                .then().spec(problem(412));

        Map<String, Object> after = given().when().get(EVENTS + "/" + id).then().extract().jsonPath().getMap("$");
        assertEquals(before, after);
    }

    @Test
    void refusesADeleteWithAStaleIfMatchAndKeepsTheEvent() {
        String id = createEvent(uniqueTag()).getString("id");
        String stale = staleTag(id);
        String current = etagOf(id);

        given().header("If-Match", stale).when().delete(EVENTS + "/" + id)
                .then().spec(problem(412));

        given().when().get(EVENTS + "/" + id).then().statusCode(200).header("ETag", equalTo(current));
    }

    @Test
    void acceptsAPutWithTheCurrentIfMatchAndGivesANewTag() {
        String topic = uniqueTag();
        String id = createEvent(topic).getString("id");
        String etag = etagOf(id);
        Map<String, Object> replacement = minimalEvent(topic);
        replacement.put("title", "Replaced " + topic);

        Response put = given().header("If-Match", etag).contentType(ContentType.JSON).body(replacement)
                .when().put(EVENTS + "/" + id);

        put.then().statusCode(200).body("title", equalTo("Replaced " + topic)).header("ETag", not(emptyOrNullString()));
        assertNotEquals(etag, put.header("ETag"));
        assertEquals(put.header("ETag"), etagOf(id));
    }

    @Test
    void acceptsAPatchWithTheCurrentIfMatchAndGivesANewTag() {
        String id = createEvent(uniqueTag()).getString("id");
        String etag = etagOf(id);

        Response patch = given().header("If-Match", etag).contentType(MERGE_PATCH_JSON).body(Map.of("status", "CANCELLED"))
                .when().patch(EVENTS + "/" + id);

        patch.then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertNotEquals(etag, patch.header("ETag"));
        assertEquals(patch.header("ETag"), etagOf(id));
    }

    @Test
    void acceptsADeleteWithTheCurrentIfMatch() {
        String id = createEvent(uniqueTag()).getString("id");

        given().header("If-Match", etagOf(id)).when().delete(EVENTS + "/" + id).then().statusCode(204);

        given().when().get(EVENTS + "/" + id).then().spec(problem(404));
    }

    @Test
    void givesTheCreatedEtagToTheFirstRead() {
        Response created = given().contentType(ContentType.JSON).body(minimalEvent(uniqueTag())).when().post(EVENTS);
        created.then().statusCode(201);

        assertEquals(created.header("ETag"), etagOf(created.path("id")));
    }
}
