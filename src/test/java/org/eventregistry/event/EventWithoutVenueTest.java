package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Events without a venue: the venue is optional, so such an event must read back like any other.
 * Hibernate loads an embedded venue whose columns are all null as null, and EventService.view/fields/apply
 * dereference it, so every read of such an event (GET, list, PATCH, PUT) is a 500 once it leaves the
 * persistence context that created it.
 */
@QuarkusTest
class EventWithoutVenueTest {

    private static Map<String, Object> withoutVenue(String topic) {
        Map<String, Object> body = new HashMap<>(minimalEvent(topic));
        body.remove("venue");
        return body;
    }

    @Test
    void readsBackAnEventCreatedWithoutAVenue() {
        String id = createEvent(withoutVenue(uniqueTag())).getString("id");

        given().when().get(EVENTS + "/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("venue", nullValue());
    }

    @Test
    void listsAnEventCreatedWithoutAVenue() {
        String topic = uniqueTag();
        String id = createEvent(withoutVenue(topic)).getString("id");

        given().queryParam("topic", topic).when().get(EVENTS)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void replacingAnEventWithoutAVenueLeavesItReadable() {
        String topic = uniqueTag();
        String id = createEvent(minimalEvent(topic)).getString("id");

        given().contentType(ContentType.JSON).body(withoutVenue(topic))
                .when().put(EVENTS + "/" + id)
                .then().statusCode(200).body("venue", nullValue());
        given().when().get(EVENTS + "/" + id)
                .then().statusCode(200).body("venue", nullValue());
    }

    @Test
    void patchesAnEventCreatedWithoutAVenue() {
        String id = createEvent(withoutVenue(uniqueTag())).getString("id");

        given().contentType(MERGE_PATCH_JSON).body(Map.of("status", "POSTPONED"))
                .when().patch(EVENTS + "/" + id)
                .then().statusCode(200).body("status", equalTo("POSTPONED")).body("venue", nullValue());
    }

    @Test
    void clearsTheVenueWithAMergePatchNull() {
        String id = createEvent(minimalEvent(uniqueTag())).getString("id");
        Map<String, Object> patch = new HashMap<>();
        patch.put("venue", null);

        given().contentType(MERGE_PATCH_JSON).body(patch)
                .when().patch(EVENTS + "/" + id)
                .then().statusCode(200).body("venue", nullValue());
        given().when().get(EVENTS + "/" + id)
                .then().statusCode(200).body("venue", nullValue());
    }
}
