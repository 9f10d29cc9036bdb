package org.eventregistry.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eventregistry.change.PublicChanges;
import org.eventregistry.platform.http.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.eventregistry.RegistryApi.single;
import static org.eventregistry.RegistryApi.json;
import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.countWithTopic;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every bad event body gets a clean answer: problem+json with the right status, a pointer to the field at fault,
 * and nothing stored. Each test has a published witness event (its topic's only one) that a refused PUT or PATCH
 * must leave as it was, and a cursor at the head of the change stream that a refused write must leave empty.
 */
@QuarkusTest
class EventBadInputCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String topic;
    private JsonPath witness;
    private String witnessPath;
    private String head;

    @BeforeEach
    void createWitnessAndTakeTheHead() {
        topic = uniqueTag();
        witness = createEvent(topic);
        witnessPath = EVENTS + "/" + witness.getString("id");
        head = PublicChanges.head();
    }

    /** Nothing was created under the topic, the witness is as it was, and the public change stream did not move. */
    private void assertNothingStored() {
        assertNothingStored(1);
    }

    /** As {@link #assertNothingStored()}, when the test itself made {@code events - 1} drafts besides the witness. */
    private void assertNothingStored(int events) {
        assertEquals(events, countWithTopic(topic), "a refused request created an event");
        given().get(witnessPath).then().statusCode(200)
                .body("version", equalTo(witness.getInt("version")))
                .body("title", equalTo(witness.getString("title")))
                .body("timeZone", equalTo(witness.getString("timeZone")))
                .body("startsAt", equalTo(witness.getString("startsAt")))
                .body("slug", equalTo(witness.getString("slug")));
        assertEquals(List.of(), PublicChanges.follow(head).items(), "a refused request left a public change");
    }

    private Map<String, Object> body() {
        return minimalEvent(topic);
    }

    private Map<String, Object> body(String field, Object value) {
        Map<String, Object> body = body();
        body.put(field, value);
        return body;
    }

    private static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(body instanceof String ? body : json(body)).when().post(EVENTS);
    }

    private Response put(Object body) {
        return given().contentType(ContentType.JSON).body(body instanceof String ? body : json(body)).when().put(witnessPath);
    }

    private Response patch(Object body) {
        return given().contentType(MERGE_PATCH_JSON).body(body instanceof String ? body : json(body)).when().patch(witnessPath);
    }

    // ---- 1. Time zones the JDK knows but no calendar can carry ----

    @ParameterizedTest
    @ValueSource(strings = {"SystemV/EST5", "SystemV/PST8PDT", "SystemV/AST4ADT", "SystemV/CST6CDT", "SystemV/HST10", "SystemV/YST9YDT"})
    void refusesASystemVTimeZoneOnPostPutAndPatch(String zone) {
        post(body("timeZone", zone)).then().spec(problem(422)).body("errors.pointer", hasItem("/timeZone"));
        put(body("timeZone", zone)).then().spec(problem(422)).body("errors.pointer", hasItem("/timeZone"));
        patch(single("timeZone", zone)).then().spec(problem(422)).body("errors.pointer", hasItem("/timeZone"));

        assertNothingStored();
    }

    @Test
    void refusesTheInternalZoneIdsIcal4jRegistersWithTheJdk() {
        // ical4j registers zone rules under generated ids ("ical4j~<uuid>") once it has rendered a calendar.
        anonymous().get(witnessPath + "/calendar.ics");
        String internal = ZoneId.getAvailableZoneIds().stream().filter(z -> z.startsWith("ical4j~")).findFirst().orElse(null);
        assumeTrue(internal != null, "ical4j registered no zone ids of its own in this JVM");

        post(body("timeZone", internal)).then().spec(problem(422)).body("errors.pointer", hasItem("/timeZone"));
        patch(single("timeZone", internal)).then().spec(problem(422)).body("errors.pointer", hasItem("/timeZone"));

        assertNothingStored();
    }

    @Test
    void calendarFeedsStayUpWhatEverTimeZoneWasSent() {
        // Whatever the registry answers to these, it must not store anything that takes the feeds down.
        for (String zone : List.of("SystemV/EST5", "SystemV/PST8PDT")) {
            Map<String, Object> bad = event("Zone " + zone + " " + topic, topic, "PUBLISHED");
            bad.put("timeZone", zone);
            post(bad).then().statusCode(not(500));
        }
        Map<String, Object> newYork = event("New York " + topic, topic, "PUBLISHED");
        newYork.put("timeZone", "America/New_York");
        String id = createEvent(newYork).getString("id");

        anonymous().get("/api/v1/feeds/events.ics").then().statusCode(200).contentType(startsWith("text/calendar"));
        anonymous().queryParam("topic", topic).get("/api/v1/feeds/events.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).body(containsString(id));
        anonymous().get(EVENTS + "/" + id + "/calendar.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).body(containsString("TZID=America/New_York"));
        anonymous().get(witnessPath + "/calendar.ics").then().statusCode(200)
                .body(containsString("TZID=Europe/Belgrade"));
    }

    // ---- 2. Text that grows past its column when sanitised ----

    static Stream<Arguments> descriptionsThatGrowPastOneHundredThousandCharacters() {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            links.append("<a href=\"https://example.org/").append(i).append("\">x</a>");
        }
        return Stream.of(
                Arguments.of("30,000 ampersands (150,000 characters as &amp;)", "&".repeat(30_000)),
                Arguments.of("2,000 links (each gains rel=\"noopener noreferrer nofollow\")", links.toString()),
                Arguments.of("40,000 lone less-than signs (200,000 characters as &lt;)", " <".repeat(40_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptionsThatGrowPastOneHundredThousandCharacters")
    void refusesADescriptionThatGrowsPastItsLimitWhenSanitised(String label, String description) {
        assertTrue(description.length() <= 100_000, "the description must be within the limit as sent");

        post(body("description", description)).then().spec(problem(422)).body("errors.pointer", hasItem("/description"));
        put(body("description", description)).then().spec(problem(422)).body("errors.pointer", hasItem("/description"));
        patch(single("description", description)).then().spec(problem(422)).body("errors.pointer", hasItem("/description"));

        assertNothingStored();
    }

    @Test
    void acceptsADescriptionThatGrowsWhenSanitisedButStillFits() {
        String description = "&".repeat(19_000);

        post(body("description", description)).then().statusCode(201);

        assertEquals(2, countWithTopic(topic));
    }

    // ---- 4. Duplicate keys ----

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of("title", "\"title\":\"First\",\"title\":\"Second\""),
                Arguments.of("publicationStatus", "\"publicationStatus\":\"PUBLISHED\",\"publicationStatus\":\"DRAFT\""),
                Arguments.of("timeZone", "\"timeZone\":\"Europe/Belgrade\",\"timeZone\":\"Asia/Tokyo\""),
                Arguments.of("venue.city", "\"venue\":{\"name\":\"Hall\",\"city\":\"Belgrade\",\"city\":\"Paris\"}"));
    }

    /** A full event body as raw JSON without the fields {@code members} names, and with {@code members} at its end. */
    private String withMembers(String members) {
        Map<String, Object> body = body();
        body.keySet().removeIf(field -> members.contains("\"" + field + "\":"));
        String text = json(body);
        return text.substring(0, text.length() - 1) + "," + members + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    void refusesDuplicateKeysOnPostPutAndPatch(String label, String members) {
        post(withMembers(members)).then().spec(problem(400));
        put(withMembers(members)).then().spec(problem(400));
        patch("{" + members + "}").then().spec(problem(400));

        assertNothingStored();
    }

    // ---- 5. Instants that are not instants, or not in years a calendar can show ----

    @Test
    void refusesANumberForAnInstantNamingTheField() {
        String number = withMembers("\"startsAt\":12345");
        assertFalse(number.contains("2030-05-10T10:00:00+02:00"), number);

        post(number).then().statusCode(anyOf(is(400), is(422))).contentType(startsWith(PROBLEM_JSON))
                .body("errors.pointer", hasItem("/startsAt"));
        put(number).then().statusCode(anyOf(is(400), is(422))).contentType(startsWith(PROBLEM_JSON))
                .body("errors.pointer", hasItem("/startsAt"));
        patch("{\"startsAt\":12345}").then().statusCode(anyOf(is(400), is(422))).contentType(startsWith(PROBLEM_JSON))
                .body("errors.pointer", hasItem("/startsAt"));
        patch("{\"endsAt\":12345.5}").then().statusCode(anyOf(is(400), is(422))).contentType(startsWith(PROBLEM_JSON))
                .body("errors.pointer", hasItem("/endsAt"));

        assertNothingStored();
        given().queryParam("topic", topic).queryParam("to", "1971-01-01").get(EVENTS).then().statusCode(200).body("total", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T10:00:00Z", "0000-01-01T10:00:00Z", "-0001-01-01T10:00:00Z", "+999999999-12-31T10:00:00Z"})
    void refusesAStartInAYearOutsideOneToNineThousandNineHundredNinetyNine(String startsAt) {
        String endsAt = startsAt.replace("T10:00", "T12:00");
        Map<String, Object> body = body("startsAt", startsAt);
        body.put("endsAt", endsAt);

        post(body).then().spec(problem(422)).body("errors.pointer", hasItem("/startsAt"));
        put(body).then().spec(problem(422)).body("errors.pointer", hasItem("/startsAt"));
        Map<String, Object> patch = single("startsAt", startsAt);
        patch.put("endsAt", endsAt);
        patch(patch).then().spec(problem(422)).body("errors.pointer", hasItem("/startsAt"));

        assertNothingStored();
    }

    @Test
    void refusesAnEndInTheYearTenThousand() {
        post(body("endsAt", "+10000-01-01T10:00:00Z")).then().spec(problem(422)).body("errors.pointer", hasItem("/endsAt"));
        patch(single("endsAt", "+10000-01-01T10:00:00Z")).then().spec(problem(422)).body("errors.pointer", hasItem("/endsAt"));

        assertNothingStored();
    }

    @Test
    void refusesAFiveDigitYearWithoutItsSignNamingTheField() {
        // Not an ISO 8601 instant at all (a year past 9999 needs its sign): unreadable (400) or out of range (422).
        Map<String, Object> body = body("startsAt", "10000-01-01T10:00:00Z");
        body.put("endsAt", "10000-01-01T12:00:00Z");

        post(body).then().statusCode(anyOf(is(400), is(422))).contentType(startsWith(PROBLEM_JSON))
                .body("errors.pointer", hasItem("/startsAt"));

        assertNothingStored();
    }

    // ---- 6. Bytes that are not UTF-8 ----

    static Stream<Arguments> brokenUtf8() {
        return Stream.of(
                Arguments.of("overlong slash C0 AF", new byte[]{(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("lone FF", new byte[]{(byte) 0xFF}),
                Arguments.of("truncated three-byte sequence E2 82", new byte[]{(byte) 0xE2, (byte) 0x82}),
                Arguments.of("truncated four-byte sequence F0 9F 98", new byte[]{(byte) 0xF0, (byte) 0x9F, (byte) 0x98}),
                Arguments.of("encoded surrogate ED A0 80", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("past U+10FFFF F4 90 80 80", new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("lone continuation byte 80", new byte[]{(byte) 0x80}));
    }

    /** The JSON text with {@code bytes} inside its title string, right after "Event ". */
    private static byte[] withBytesInTitle(String json, byte[] bytes) {
        int cut = json.indexOf("\"title\":\"") + "\"title\":\"".length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(json.substring(cut).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenUtf8")
    void refusesMalformedUtf8InsideAString(String label, byte[] bytes) throws IOException {
        byte[] created = withBytesInTitle(json(body()), bytes);
        RawHttp.Answer post = RawHttp.sendAsAdmin("POST", EVENTS, "application/json; charset=utf-8", created);
        assertEquals(400, post.status(), post.toString());
        assertTrue(post.header("Content-Type").startsWith(PROBLEM_JSON), post.toString());
        assertEquals(400, post.json().getInt("status"), post.toString());

        RawHttp.Answer put = RawHttp.sendAsAdmin("PUT", witnessPath, "application/json; charset=utf-8", created);
        assertEquals(400, put.status(), put.toString());
        RawHttp.Answer patch = RawHttp.sendAsAdmin("PATCH", witnessPath, MERGE_PATCH_JSON + "; charset=utf-8",
                withBytesInTitle("{\"title\":\"Patched\"}", bytes));
        assertEquals(400, patch.status(), patch.toString());
        assertTrue(patch.header("Content-Type").startsWith(PROBLEM_JSON), patch.toString());

        assertNothingStored();
    }

    // ---- 8. Slugs that could be taken for an id ----

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890123456", "00000000000000000000000000"})
    void refusesASlugThatLooksLikeAnId(String slug) {
        post(body("slug", slug)).then().spec(problem(422)).body("errors.pointer", hasItem("/slug"));
        put(body("slug", slug)).then().spec(problem(422)).body("errors.pointer", hasItem("/slug"));
        patch(single("slug", slug)).then().spec(problem(422)).body("errors.pointer", hasItem("/slug"));

        assertNothingStored();
    }

    /** Twenty-six random digits: a title or name whose slug, derived as it is, would read as an id. */
    private static String twentySixDigits() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    @Test
    void derivesASlugThatCannotBeTakenForAnIdFromATitleOfTwentySixDigits() {
        Map<String, Object> body = body("title", twentySixDigits());
        String slug = post(body).then().statusCode(201).extract().path("slug");
        String id = given().queryParam("topic", topic).queryParam("sort", "-createdAt").get(EVENTS)
                .then().extract().path("items[0].id");

        assertFalse(slug.matches("^[0-9A-HJKMNP-TV-Z]{26}$"), "the derived slug reads as an id: " + slug);
        given().get(EVENTS + "/" + slug).then().statusCode(200).body("id", equalTo(id));
    }

    // ---- 9. Fields that have no null state ----

    @ParameterizedTest
    @ValueSource(strings = {"publicationStatus", "type", "status", "format", "timeZone", "title", "startsAt", "endsAt"})
    void refusesAMergePatchThatNullsAFieldWithoutANullState(String field) {
        Map<String, Object> draftBody = event("Draft " + topic, topic, "DRAFT");
        draftBody.put("status", "POSTPONED");
        draftBody.put("format", "HYBRID");
        draftBody.put("venue", Map.of("name", "Hall", "city", "Belgrade", "country", "RS"));
        draftBody.put("onlineUrl", "https://example.org/live");
        JsonPath draft = createEvent(draftBody);
        String path = EVENTS + "/" + draft.getString("id");

        given().contentType(MERGE_PATCH_JSON).body(json(single(field, null))).patch(path)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/" + field));

        given().get(path).then().statusCode(200)
                .body("publicationStatus", equalTo("DRAFT"))
                .body("status", equalTo("POSTPONED"))
                .body("format", equalTo("HYBRID"))
                .body("type", equalTo("LECTURE"))
                .body("timeZone", equalTo("Europe/Belgrade"))
                .body("version", equalTo(draft.getInt("version")));
        anonymous().get(path).then().statusCode(404);
        anonymous().get(EVENTS + "/" + draft.getString("slug")).then().statusCode(404);
        assertNothingStored(2);
    }

    // ---- 10. JSON-LD inside a script element ----

    @Test
    void writesJsonLdThatCannotCloseTheScriptElementItIsPastedInto() {
        String title = "</script><script>alert(1)</script> Tom & Jerry " + topic;
        String summary = "Q&A <b>bold</b> </script><!-- " + topic;
        Map<String, Object> body = event(title, topic, "PUBLISHED");
        body.put("summary", summary);
        String id = createEvent(body).getString("id");

        for (String ref : List.of(id, given().get(EVENTS + "/" + id).then().extract().<String>path("slug"))) {
            String raw = anonymous().accept("application/ld+json").get(EVENTS + "/" + ref)
                    .then().statusCode(200).contentType(startsWith("application/ld+json")).extract().asString();
            assertFalse(raw.contains("<"), raw);
            assertFalse(raw.contains(">"), raw);
            assertFalse(raw.contains("&"), raw);
            assertTrue(raw.contains("\\u003c") || raw.contains("\\u003C"), raw);
            JsonPath ld = new JsonPath(raw);
            assertEquals(title, ld.getString("name"));
            assertEquals(summary, ld.getString("description"));
        }
    }

    // ---- The same answers for the same body under each way of writing it ----

    @Test
    void aRefusedPostWithAnIdempotencyKeyIsNotRemembered() {
        String key = "catalogue-" + topic;
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(json(body("timeZone", "SystemV/EST5")))
                .post(EVENTS).then().spec(problem(422));
        String id = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(json(body()))
                .post(EVENTS).then().statusCode(201).extract().path("id");

        assertNotEquals(witness.getString("id"), id);
        assertEquals(2, countWithTopic(topic));
    }
}
