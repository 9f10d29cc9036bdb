package org.eventregistry.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.json;
import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.countWithTopic;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies the registry must refuse: each gets a problem+json with the right status, no stack trace,
 * and leaves nothing behind (the test's topic still counts only its witness event, which is unchanged).
 */
@QuarkusTest
class EventBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String topic;
    private JsonPath witness;

    @BeforeEach
    void createWitness() {
        topic = uniqueTag();
        witness = createEvent(topic);
    }

    private void assertNothingChanged() {
        assertEquals(1, countWithTopic(topic), "a refused request created an event");
        given().when().get(EVENTS + "/" + witness.getString("id"))
                .then().statusCode(200)
                .body("version", equalTo(witness.getInt("version")))
                .body("title", equalTo(witness.getString("title")));
    }

    private Map<String, Object> body() {
        return minimalEvent(topic);
    }

    private static RequestSpecification post(Object body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    @Test
    void refusesMalformedJson() {
        String broken = json(body());
        broken = broken.substring(0, broken.length() - 10);

        post(broken).when().post(EVENTS).then().spec(problem(400));

        assertNothingChanged();
    }

    @Test
    void refusesAJsonArrayInsteadOfAnObject() {
        post("[" + json(body()) + "]").when().post(EVENTS).then().spec(problem(400));

        assertNothingChanged();
    }

    @Test
    void refusesAnUnknownFieldNamingIt() {
        Map<String, Object> body = body();
        body.put("colour", "red");
        post(body).when().post(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("/colour"));

        Map<String, Object> nested = body();
        nested.put("venue", Map.of("name", "Hall", "floor", 3));
        post(nested).when().post(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("/venue/floor"));

        assertNothingChanged();
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingTheField() {
        Map<String, Object> number = body();
        number.put("title", 12);
        post(number).when().post(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("/title"));

        Map<String, Object> list = body();
        list.put("topics", topic);
        post(list).when().post(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("/topics"));

        Map<String, Object> date = body();
        date.put("startsAt", "next Tuesday");
        post(date).when().post(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("/startsAt"));

        Map<String, Object> type = body();
        type.put("type", "CONCERT");
        post(type).when().post(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("/type"));

        assertNothingChanged();
    }

    @Test
    void refusesMissingRequiredFieldsNamingEachOfThem() {
        post(Map.of("topics", List.of(topic))).when().post(EVENTS)
                .then().spec(problem(422))
                .body("errors.pointer", hasItems("/title", "/type", "/startsAt", "/endsAt", "/timeZone"));

        assertNothingChanged();
    }

    @Test
    void refusesATitleOverThreeHundredCharacters() {
        Map<String, Object> body = body();
        body.put("title", "x".repeat(301));

        post(body).when().post(EVENTS).then().spec(problem(422)).body("errors.pointer", hasItem("/title"));

        assertNothingChanged();
    }

    @Test
    void acceptsATitleOfExactlyThreeHundredCharacters() {
        Map<String, Object> body = body();
        body.put("title", topic + "y".repeat(300 - topic.length()));

        post(body).when().post(EVENTS).then().statusCode(201).body("title", equalTo(body.get("title")));

        assertEquals(2, countWithTopic(topic));
    }

    @Test
    void refusesABodyOverOneMebibyte() {
        Map<String, Object> body = body();
        body.put("description", "<p>" + "a".repeat(1024 * 1024) + "</p>");

        post(json(body)).when().post(EVENTS).then().spec(problem(413));

        assertNothingChanged();
    }

    @Test
    void refusesABodyThatIsNotJson() {
        given().contentType(ContentType.TEXT).body(json(body())).when().post(EVENTS)
                .then().spec(problem(415));

        assertNothingChanged();
    }

    @Test
    void refusesAnExplicitSlugAnotherEventHas() {
        Map<String, Object> first = body();
        first.put("slug", "taken-" + topic);
        createEvent(first);
        Map<String, Object> second = body();
        second.put("slug", "taken-" + topic);

        post(second).when().post(EVENTS).then().spec(problem(409)).body("errors.pointer", hasItem("/slug"));

        assertEquals(2, countWithTopic(topic), "only the witness and the first event may exist");
        given().when().get(EVENTS + "/taken-" + topic).then().statusCode(200).body("title", equalTo(first.get("title")));
    }

    @Test
    void refusesAStringWithANulCharacter() {
        Map<String, Object> body = body();
        body.put("title", "Before\u0000after " + topic);

        post(body).when().post(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("/title"));

        assertNothingChanged();
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String text = json(body());
        int cut = text.indexOf("Event ") + "Event ".length();
        bytes.writeBytes(text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(text.substring(cut).getBytes(StandardCharsets.UTF_8));

        given().contentType("application/json").body(bytes.toByteArray()).when().post(EVENTS)
                .then().spec(problem(400));

        assertNothingChanged();
    }

    @Test
    void refusesAJavascriptUrl() {
        Map<String, Object> body = body();
        body.put("onlineUrl", "javascript:alert(1)");

        post(body).when().post(EVENTS).then().spec(problem(422)).body("errors.pointer", hasItem("/onlineUrl"));

        assertNothingChanged();
    }

    @Test
    void refusesADataUrlForTheImage() {
        Map<String, Object> body = body();
        body.put("imageUrl", "data:image/png;base64,iVBORw0KGgo=");

        post(body).when().post(EVENTS).then().spec(problem(422)).body("errors.pointer", hasItem("/imageUrl"));

        assertNothingChanged();
    }

    @Test
    void storesTheDescriptionWithoutScriptsOrEventHandlers() {
        Map<String, Object> body = body();
        body.put("description", "<p onclick=\"steal()\">Hello <strong>world</strong></p><script>alert('x')</script>"
                + "<a href=\"javascript:alert(2)\">link</a>");

        JsonPath created = post(body).when().post(EVENTS).then().statusCode(201).extract().jsonPath();
        JsonPath read = given().when().get(EVENTS + "/" + created.getString("id")).then().statusCode(200).extract().jsonPath();

        for (String description : List.of(created.getString("description"), read.getString("description"))) {
            String lower = description.toLowerCase();
            assertFalse(lower.contains("<script"), description);
            assertFalse(lower.contains("onclick"), description);
            assertFalse(lower.contains("alert"), description);
            assertFalse(lower.contains("javascript:"), description);
            assertTrue(description.contains("Hello <strong>world</strong>"), description);
        }
    }

    @Test
    void refusesJsonNestedDeeperThanThirtyTwoLevels() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        String body = json(body());
        body = body.substring(0, body.length() - 1) + ",\"venue\":" + deep + "}";

        post(body).when().post(EVENTS).then().spec(problem(400));
        given().contentType(MERGE_PATCH_JSON).body(deep).when().patch(EVENTS + "/" + witness.getString("id"))
                .then().spec(problem(400)).body("detail", containsString("depth"));

        assertNothingChanged();
    }

    @Test
    void refusesABadPatchAndLeavesTheEventAsItWas() {
        String path = EVENTS + "/" + witness.getString("id");
        given().contentType(MERGE_PATCH_JSON).body(Map.of("colour", "red")).when().patch(path)
                .then().spec(problem(400)).body("errors.pointer", hasItem("/colour"));
        given().contentType(MERGE_PATCH_JSON).body(Map.of("title", 12)).when().patch(path)
                .then().spec(problem(400)).body("errors.pointer", hasItem("/title"));
        given().contentType(MERGE_PATCH_JSON).body("[]").when().patch(path)
                .then().spec(problem(400));
        Map<String, Object> clearTitle = new LinkedHashMap<>();
        clearTitle.put("title", null);
        given().contentType(MERGE_PATCH_JSON).body(clearTitle).when().patch(path)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/title"));
        given().contentType(MERGE_PATCH_JSON).body("{\"title\": ").when().patch(path)
                .then().spec(problem(400));

        assertNothingChanged();
    }

    @Test
    void refusesABadReplacementAndLeavesTheEventAsItWas() {
        String path = EVENTS + "/" + witness.getString("id");
        Map<String, Object> endsBeforeStart = body();
        endsBeforeStart.put("endsAt", "2000-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(endsBeforeStart).when().put(path)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/endsAt"));
        given().contentType(ContentType.JSON).body("{").when().put(path)
                .then().spec(problem(400));

        assertNothingChanged();
    }

    @Test
    void refusesAJsonNullBody() {
        post("null").when().post(EVENTS).then().spec(problem(400));

        assertNothingChanged();
    }

    @Test
    void refusesAnEmptyBody() {
        post("").when().post(EVENTS).then().spec(problem(400));

        assertNothingChanged();
    }

    @Test
    void refusesAnOversizeBodySentInChunks() {
        Map<String, Object> body = body();
        body.put("description", "<p>" + "a".repeat(1024 * 1024) + "</p>");
        InputStream chunked = new BufferedInputStream(new ByteArrayInputStream(json(body).getBytes(StandardCharsets.UTF_8)));

        given().contentType(ContentType.JSON).body(chunked).when().post(EVENTS).then().spec(problem(413));

        assertNothingChanged();
    }

    @Test
    void refusesBodiesThatAreNotOneEventObjectWithAProblemNotAStackTrace() {
        for (String raw : List.of("1", "\"text\"", "true", "{\"title\": [}", "{\"title\": \"\\ud800\"}", "{}{}", "{\"a\":1,\"a\":2}")) {
            post(raw).when().post(EVENTS).then().spec(problem(400));
        }

        assertNothingChanged();
    }
}
