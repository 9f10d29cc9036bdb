package org.eventregistry.publication;

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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.eventregistry.RegistryApi.single;
import static org.eventregistry.RegistryApi.json;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.publication.PublicationApiTest.PUBLICATIONS;
import static org.eventregistry.publication.PublicationApiTest.count;
import static org.eventregistry.publication.PublicationApiTest.create;
import static org.eventregistry.publication.PublicationApiTest.essay;
import static org.eventregistry.publication.PublicationApiTest.speaker;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad publication body gets a clean answer (problem+json, the right status, a pointer, nothing stored);
 * citations answer any Accept header without a 500; JSON-LD can be pasted into a script element as it is.
 */
@QuarkusTest
class PublicationBadInputCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ONE_MEBIBYTE = 1024 * 1024;

    private String topic;
    private JsonPath witness;
    private String witnessPath;
    private String head;

    @BeforeEach
    void createWitnessAndTakeTheHead() {
        topic = uniqueTag();
        witness = create(essay(topic));
        witnessPath = PUBLICATIONS + "/" + witness.getString("id");
        head = PublicChanges.head();
    }

    private void assertNothingStored() {
        assertNothingStored(1);
    }

    private void assertNothingStored(int publications) {
        assertEquals(publications, count(topic), "a refused request created a publication");
        given().get(witnessPath).then().statusCode(200)
                .body("version", equalTo(witness.getInt("version")))
                .body("title", equalTo(witness.getString("title")))
                .body("slug", equalTo(witness.getString("slug")))
                .body("body", equalTo(witness.getString("body")));
        assertEquals(List.of(), PublicChanges.follow(head).items(), "a refused request left a public change");
    }

    private Map<String, Object> body() {
        Map<String, Object> body = essay(topic);
        body.put("title", "Essay " + topic + " " + uniqueTag());
        return body;
    }

    private Map<String, Object> body(String field, Object value) {
        Map<String, Object> body = body();
        body.put(field, value);
        return body;
    }

    private static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(body instanceof String ? body : json(body)).when().post(PUBLICATIONS);
    }

    private Response put(Object body) {
        return given().contentType(ContentType.JSON).body(body instanceof String ? body : json(body)).when().put(witnessPath);
    }

    private Response patch(Object body) {
        return given().contentType(MERGE_PATCH_JSON).body(body instanceof String ? body : json(body)).when().patch(witnessPath);
    }

    // ---- 2. Text that grows past its column when sanitised ----

    @Test
    void refusesABodyThatGrowsPastItsLimitWhenSanitised() {
        String grows = "&".repeat(200_000);
        Map<String, Object> body = body("body", grows);
        assertTrue(json(body).getBytes(StandardCharsets.UTF_8).length < ONE_MEBIBYTE, "the request must fit the body limit");
        assertTrue(grows.length() <= 500_000, "the body must be within the limit as sent");

        post(body).then().spec(problem(422)).body("errors.pointer", hasItem("/body"));
        put(body).then().spec(problem(422)).body("errors.pointer", hasItem("/body"));
        patch(single("body", grows)).then().spec(problem(422)).body("errors.pointer", hasItem("/body"));

        assertNothingStored();
    }

    @Test
    void refusesAnAbstractThatGrowsPastItsLimitWhenSanitised() {
        String grows = "&".repeat(5_000);

        post(body("abstract", grows)).then().spec(problem(422)).body("errors.pointer", hasItem("/abstract"));
        patch(single("abstract", grows)).then().spec(problem(422)).body("errors.pointer", hasItem("/abstract"));

        assertNothingStored();
    }

    @Test
    void acceptsABodyThatGrowsWhenSanitisedButStillFits() {
        post(body("body", "&".repeat(90_000))).then().statusCode(201);

        assertEquals(2, count(topic));
    }

    // ---- 4. Duplicate keys ----

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of("title", "\"title\":\"First\",\"title\":\"Second\""),
                Arguments.of("publicationStatus", "\"publicationStatus\":\"PUBLISHED\",\"publicationStatus\":\"DRAFT\""),
                Arguments.of("periodical.volume", "\"periodical\":{\"name\":\"Horizons\",\"volume\":\"1\",\"volume\":\"2\"}"));
    }

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

    // ---- 6. Bytes that are not UTF-8 ----

    @Test
    void refusesAnOverlongUtf8SequenceInsideAString() throws IOException {
        String text = json(body());
        int cut = text.indexOf("\"title\":\"") + "\"title\":\"".length();
        byte[] head = text.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(cut).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC0;
        bytes[head.length + 1] = (byte) 0xAF;
        System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);

        RawHttp.Answer answer = RawHttp.sendAsAdmin("POST", PUBLICATIONS, "application/json; charset=utf-8", bytes);

        assertEquals(400, answer.status(), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith(PROBLEM_JSON), answer.toString());
        assertNothingStored();
    }

    // ---- 8. Slugs that could be taken for an id ----

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890123456", "11111111111111111111111111"})
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
        Response created = post(body("title", twentySixDigits()));
        created.then().statusCode(201);
        String slug = created.path("slug");

        assertFalse(slug.matches("^[0-9A-HJKMNP-TV-Z]{26}$"), "the derived slug reads as an id: " + slug);
        given().get(PUBLICATIONS + "/" + slug).then().statusCode(200).body("id", equalTo(created.path("id")));
    }

    // ---- 9. Fields that have no null state ----

    @ParameterizedTest
    @ValueSource(strings = {"publicationStatus", "type", "title"})
    void refusesAMergePatchThatNullsAFieldWithoutANullState(String field) {
        Map<String, Object> draftBody = body("publicationStatus", "DRAFT");
        JsonPath draft = create(draftBody);
        String path = PUBLICATIONS + "/" + draft.getString("id");

        given().contentType(MERGE_PATCH_JSON).body(json(single(field, null))).patch(path)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/" + field));

        given().get(path).then().statusCode(200)
                .body("publicationStatus", equalTo("DRAFT"))
                .body("type", equalTo("ESSAY"))
                .body("title", equalTo(draftBody.get("title")))
                .body("version", equalTo(draft.getInt("version")));
        anonymous().get(path).then().statusCode(404);
        anonymous().get(PUBLICATIONS + "/" + draft.getString("slug")).then().statusCode(404);
        anonymous().get(path + "/citation").then().statusCode(404);
        assertNothingStored(2);
    }

    // ---- 10. JSON-LD inside a script element ----

    @Test
    void writesJsonLdThatCannotCloseTheScriptElementItIsPastedInto() {
        String author = speaker("Tom & </script>", "Jerry <b>" + topic);
        Map<String, Object> body = essay(topic, author);
        String title = "</script><script>alert(1)</script> Costs & benefits " + topic;
        body.put("title", title);
        body.put("subtitle", "<!-- Q&A -->");
        String slug = create(body).getString("slug");

        String raw = anonymous().accept("application/ld+json").get(PUBLICATIONS + "/" + slug)
                .then().statusCode(200).extract().asString();

        assertFalse(raw.contains("<"), raw);
        assertFalse(raw.contains(">"), raw);
        assertFalse(raw.contains("&"), raw);
        JsonPath ld = new JsonPath(raw);
        assertEquals(title, ld.getString("headline"));
        assertEquals(title + ": <!-- Q&A -->", ld.getString("name"));
        assertEquals("Tom & </script> Jerry <b>" + topic, ld.getString("author[0].name"));
    }

    // ---- 7. Citations whatever the Accept header says ----

    private static final Set<String> CITATION_TYPES = Set.of("application/x-bibtex", "application/x-research-info-systems",
            "application/vnd.citationstyles.csl+json", "text/plain");

    static Stream<Arguments> acceptHeaders() {
        return Stream.of(
                Arguments.of("", Set.of(200, 400, 406)),
                Arguments.of(",", Set.of(200, 400, 406)),
                Arguments.of("*", Set.of(200, 400, 406)),
                Arguments.of(";", Set.of(400, 406)),
                Arguments.of("application/", Set.of(400, 406)),
                Arguments.of("/x-bibtex", Set.of(400, 406)),
                Arguments.of("application/x-bibtex;q=2", Set.of(200, 400, 406)),
                Arguments.of("application/x-bibtex;q=abc", Set.of(200, 400, 406)),
                Arguments.of("application/x-bibtex;q=0", Set.of(400, 406)),
                Arguments.of("text/nonsense", Set.of(406)),
                Arguments.of("text/*", Set.of(200)),  // BibTeX as text/plain
                Arguments.of("*/*", Set.of(200)),
                Arguments.of("application/*", Set.of(200)),
                Arguments.of("text/nonsense, */*;q=0.1", Set.of(200)),
                Arguments.of("application/x-bibtex" + ",".repeat(2000), Set.of(200, 400, 406)));
    }

    @ParameterizedTest(name = "Accept: \"{0}\"")
    @MethodSource("acceptHeaders")
    void answersACitationRequestWithAnyAcceptHeaderWithoutA500(String accept, Set<Integer> allowed) throws IOException {
        String path = PUBLICATIONS + "/" + witness.getString("slug") + "/citation";

        RawHttp.Answer answer = RawHttp.send("GET " + path + " HTTP/1.1\r\nAccept: " + accept, null);

        assertTrue(allowed.contains(answer.status()), "Accept \"" + accept + "\" answered " + answer);
        String type = answer.header("Content-Type");
        if (answer.status() == 200) {
            assertTrue(CITATION_TYPES.contains(type.split(";")[0].strip()), answer.toString());
        } else {
            assertTrue(type != null && type.startsWith(PROBLEM_JSON), answer.toString());
            assertEquals(answer.status(), answer.json().getInt("status"), answer.toString());
        }
    }
}
