package org.eventregistry.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.single;
import static org.eventregistry.webhook.Webhooks.WEBHOOKS;
import static org.eventregistry.webhook.Webhooks.fields;
import static org.eventregistry.webhook.Webhooks.subscribe;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every bad webhook request gets a problem document and stores nothing. */
@QuarkusTest
class WebhookBadInputCatalogueTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"types\":[\"event.*\"]}",
            "{\"url\":\"https://a.example.org/hook\"}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[]}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.exploded\"]}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"meeting.*\"]}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event\"]}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.created.now\"]}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[null]}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"  \"]}",
            "{\"url\":\"not a url\",\"types\":[\"event.*\"]}",
            "{\"url\":\"ftp://a.example.org/hook\",\"types\":[\"event.*\"]}",
            "{\"url\":\"https://user:pw@a.example.org/hook\",\"types\":[\"event.*\"]}",
            "{\"url\":\"https://a.example.org/hook#frag\",\"types\":[\"event.*\"]}",
            "{\"url\":\"\",\"types\":[\"event.*\"]}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.*\"],\"description\":\"two\\nlines\"}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.*\"],\"topics\":[\"\"]}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.*\"],\"series\":[\"a\\nb\"]}",
    })
    void refusesAnInvalidSubscriptionWith422(String body) {
        int before = total();
        given().contentType(ContentType.JSON).body(body).post(WEBHOOKS).then().spec(problem(422));
        assertEquals(before, total());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.*\"],\"secret\":\"whsec_bW9jaw==\"}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":\"event.*\"}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.*\"],\"active\":\"yes\"}",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.*\"],\"url\":\"https://b.example.org/hook\"}",
            "[\"https://a.example.org/hook\"]",
            "{\"url\":\"https://a.example.org/hook\",",
            "null",
            "{\"url\":\"https://a.example.org/hook\",\"types\":[\"event.*\"],\"series\":[\"a\\u0007b\"]}",
    })
    void refusesAMalformedSubscriptionWith400(String body) {
        int before = total();
        given().contentType(ContentType.JSON).body(body).post(WEBHOOKS).then().spec(problem(400));
        assertEquals(before, total());
    }

    @Test
    void refusesOverlongFields() {
        int before = total();
        Map<String, Object> body = fields("https://a.example.org/" + "a".repeat(2000), List.of("event.*"), null);
        given().contentType(ContentType.JSON).body(body).post(WEBHOOKS).then().spec(problem(422));
        body = fields("https://a.example.org/hook", List.of("event.*"), "t".repeat(61));
        given().contentType(ContentType.JSON).body(body).post(WEBHOOKS).then().spec(problem(422));
        body = fields("https://a.example.org/hook", List.of("event.*"), null);
        body.put("description", "d".repeat(501));
        given().contentType(ContentType.JSON).body(body).post(WEBHOOKS).then().spec(problem(422));
        assertEquals(before, total());
    }

    @Test
    void badPatchesRotationsAndReferencesAreProblemsThatChangeNothing() {
        String id = subscribe(fields("https://a.example.org/hook", List.of("event.*"), null)).getString("id");
        String path = WEBHOOKS + "/" + id;
        given().contentType(MERGE_PATCH_JSON).body(single("url", null)).patch(path).then().spec(problem(422));
        given().contentType(MERGE_PATCH_JSON).body(single("active", null)).patch(path).then().spec(problem(422));
        given().contentType(MERGE_PATCH_JSON).body(single("types", List.of("nothing.*"))).patch(path).then().spec(problem(422));
        given().contentType(MERGE_PATCH_JSON).body("[]").patch(path).then().spec(problem(400));
        given().contentType(MERGE_PATCH_JSON).body(single("owner", "token:someone-else")).patch(path).then().spec(problem(400));
        given().header("If-Match", "\"" + id + "-99\"").contentType(MERGE_PATCH_JSON).body(single("active", false)).patch(path)
                .then().spec(problem(412));
        for (String grace : List.of("tomorrow", "-PT1H", "P8D")) {
            given().queryParam("gracePeriod", grace).post(path + "/rotate-secret").then().spec(problem(400));
        }
        given().post(path + "/deliveries/01JXF4A2C4E6G8J0K2M4P6R8T0/redeliver").then().spec(problem(404));
        given().post(WEBHOOKS + "/no-such-webhook/ping").then().spec(problem(404));
        given().get(path).then().statusCode(200).body("version", equalTo(1)).body("active", equalTo(true))
                .body("types", equalTo(List.of("event.*")));
    }

    private static int total() {
        return given().get(WEBHOOKS).then().statusCode(200).extract().path("total");
    }
}
