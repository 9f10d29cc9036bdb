package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.countWithTopic;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Idempotency-Key makes a POST safe to retry. */
@QuarkusTest
class EventIdempotencyTest {

    private static Response post(String key, Map<String, Object> body) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when().post(EVENTS);
    }

    @Test
    void answersARetryWithTheSameKeyAndBodyWithTheFirstResponseAndCreatesOneEvent() {
        String topic = uniqueTag();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimalEvent(topic);

        Response first = post(key, body);
        first.then().statusCode(201);
        Response retry = post(key, body);

        retry.then().statusCode(201).body("id", equalTo(first.path("id")));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.jsonPath().getMap("$"), retry.jsonPath().getMap("$"));
        assertEquals(1, countWithTopic(topic));
    }

    @Test
    void refusesTheSameKeyWithAnotherBodyAndCreatesNothingMore() {
        String topic = uniqueTag();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = minimalEvent(topic);
        post(key, body).then().statusCode(201);
        Map<String, Object> other = minimalEvent(topic);
        other.put("title", "Another body " + topic);

        post(key, other).then().spec(problem(422)).body("errors.pointer", hasItem("Idempotency-Key"));

        assertEquals(1, countWithTopic(topic));
    }

    @Test
    void createsTwoEventsForTheSameBodyUnderTwoKeys() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);

        String first = post(UUID.randomUUID().toString(), body).then().statusCode(201).extract().path("id");
        String second = post(UUID.randomUUID().toString(), body).then().statusCode(201).extract().path("id");

        assertNotEquals(first, second);
        assertEquals(2, countWithTopic(topic));
    }

    @Test
    void refusesAnIdempotencyKeyThatIsTooLong() {
        String topic = uniqueTag();

        post("k".repeat(201), minimalEvent(topic)).then().spec(problem(400)).body("errors.pointer", hasItem("Idempotency-Key"));

        assertEquals(0, countWithTopic(topic));
    }
}
