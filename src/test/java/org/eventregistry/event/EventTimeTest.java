package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.countWithTopic;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Start and end come back with the offset of the event's own zone; timestamps are UTC. */
@QuarkusTest
class EventTimeTest {

    private static JsonPath createAt(String startsAt, String endsAt, String zone) {
        Map<String, Object> body = minimalEvent(uniqueTag());
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("timeZone", zone);
        return createEvent(body);
    }

    private static JsonPath read(JsonPath created) {
        return given().when().get(EVENTS + "/" + created.getString("id")).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void returnsASummerStartExactlyWithTheZonesOffset() {
        JsonPath created = createAt("2025-06-05T10:00:00+02:00", "2025-06-05T17:00:00+02:00", "Europe/Belgrade");

        for (JsonPath event : new JsonPath[]{created, read(created)}) {
            assertEquals("2025-06-05T10:00:00+02:00", event.getString("startsAt"));
            assertEquals("2025-06-05T17:00:00+02:00", event.getString("endsAt"));
            assertEquals("Europe/Belgrade", event.getString("timeZone"));
        }
    }

    @Test
    void returnsAnInstantSentInUtcWithTheZonesOffset() {
        JsonPath created = createAt("2025-06-05T08:00:00Z", "2025-06-05T15:00:00Z", "Europe/Belgrade");

        for (JsonPath event : new JsonPath[]{created, read(created)}) {
            assertEquals("2025-06-05T10:00:00+02:00", event.getString("startsAt"));
            assertEquals("2025-06-05T17:00:00+02:00", event.getString("endsAt"));
        }
    }

    @Test
    void returnsAWinterStartWithTheWinterOffset() {
        JsonPath created = createAt("2025-01-15T09:00:00Z", "2025-01-15T16:00:00Z", "Europe/Belgrade");

        for (JsonPath event : new JsonPath[]{created, read(created)}) {
            assertEquals("2025-01-15T10:00:00+01:00", event.getString("startsAt"));
            assertEquals("2025-01-15T17:00:00+01:00", event.getString("endsAt"));
        }
    }

    @Test
    void returnsCreatedAndUpdatedInUtc() {
        JsonPath created = createAt("2025-06-05T10:00:00+02:00", "2025-06-05T17:00:00+02:00", "Europe/Belgrade");

        given().when().get(EVENTS + "/" + created.getString("id"))
                .then().statusCode(200)
                .body("createdAt", endsWith("Z"))
                .body("updatedAt", endsWith("Z"));
    }

    @Test
    void refusesAnUnknownTimeZone() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("timeZone", "Mars/Olympus_Mons");

        given().contentType(ContentType.JSON).body(body).when().post(EVENTS)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/timeZone"));

        assertEquals(0, countWithTopic(topic));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("startsAt", "2025-06-05T17:00:00+02:00");
        body.put("endsAt", "2025-06-05T10:00:00+02:00");

        given().contentType(ContentType.JSON).body(body).when().post(EVENTS)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/endsAt"));

        assertEquals(0, countWithTopic(topic));
    }

    @Test
    void acceptsAnEventThatEndsWhenItStarts() {
        JsonPath created = createAt("2025-06-05T10:00:00+02:00", "2025-06-05T10:00:00+02:00", "Europe/Belgrade");

        given().when().get(EVENTS + "/" + created.getString("id"))
                .then().statusCode(200).body("startsAt", equalTo("2025-06-05T10:00:00+02:00"))
                .body("endsAt", equalTo("2025-06-05T10:00:00+02:00"));
    }
}
