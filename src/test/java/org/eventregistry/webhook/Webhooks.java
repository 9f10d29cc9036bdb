package org.eventregistry.webhook;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.given;
import static org.junit.jupiter.api.Assertions.fail;

/** Helpers the webhook tests share: subscribing through the API, reading the delivery log, and waiting for a receiver. */
final class Webhooks {

    static final String WEBHOOKS = "/api/v1/webhooks";

    private Webhooks() {
    }

    static Map<String, Object> fields(String url, List<String> types, String topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("types", types);
        if (topic != null) {
            body.put("topics", List.of(topic));
        }
        return body;
    }

    /** Subscribes as the admin (or the given token) and returns the created subscription, secret included. */
    static JsonPath subscribe(String token, Map<String, Object> fields) {
        return as(token).contentType(ContentType.JSON).body(fields).post(WEBHOOKS).then().statusCode(201).extract().jsonPath();
    }

    static JsonPath subscribe(Map<String, Object> fields) {
        return given().contentType(ContentType.JSON).body(fields).post(WEBHOOKS).then().statusCode(201).extract().jsonPath();
    }

    static JsonPath webhook(String id) {
        return given().get(WEBHOOKS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> deliveries(String id) {
        return given().queryParam("limit", 100).get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    /** Waits (bounded) until the condition holds; the bound only keeps a broken build from hanging. */
    static void eventually(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
