package org.eventregistry.speaker;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.eventregistry.RegistryApi.single;
import static org.eventregistry.RegistryApi.json;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.speaker.SpeakerApiTest.SPEAKERS;
import static org.eventregistry.speaker.SpeakerApiTest.count;
import static org.eventregistry.speaker.SpeakerApiTest.create;
import static org.eventregistry.speaker.SpeakerApiTest.person;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad speaker body gets a clean answer: problem+json with the right status, a pointer to the field at fault,
 * and nothing stored (the topic's only speaker, the witness, is unchanged and the public change stream did not move).
 */
@QuarkusTest
class SpeakerBadInputCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String topic;
    private JsonPath witness;
    private String witnessPath;
    private String head;

    @BeforeEach
    void createWitnessAndTakeTheHead() {
        topic = uniqueTag();
        witness = create(person("Vuk", "Jeremić", topic));
        witnessPath = SPEAKERS + "/" + witness.getString("id");
        head = PublicChanges.head();
    }

    private void assertNothingStored() {
        assertEquals(1, count(topic), "a refused request created a speaker");
        given().get(witnessPath).then().statusCode(200)
                .body("version", equalTo(witness.getInt("version")))
                .body("familyName", equalTo(witness.getString("familyName")))
                .body("slug", equalTo(witness.getString("slug")))
                .body("bio", equalTo(witness.getString("bio")));
        assertEquals(List.of(), PublicChanges.follow(head).items(), "a refused request left a public change");
    }

    private Map<String, Object> body() {
        return person("Meg", "King " + uniqueTag(), topic);
    }

    private Map<String, Object> body(String field, Object value) {
        Map<String, Object> body = body();
        body.put(field, value);
        return body;
    }

    private static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(body instanceof String ? body : json(body)).when().post(SPEAKERS);
    }

    private Response put(Object body) {
        return given().contentType(ContentType.JSON).body(body instanceof String ? body : json(body)).when().put(witnessPath);
    }

    private Response patch(Object body) {
        return given().contentType(MERGE_PATCH_JSON).body(body instanceof String ? body : json(body)).when().patch(witnessPath);
    }

    // ---- 2. A bio that grows past its column when sanitised ----

    static Stream<Arguments> biosThatGrowPastTwentyThousandCharacters() {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            links.append("<a href=\"https://example.org/").append(i).append("\">x</a>");
        }
        return Stream.of(
                Arguments.of("15,000 ampersands (75,000 characters as &amp;)", "&".repeat(15_000)),
                Arguments.of("400 links (each gains rel=\"noopener noreferrer nofollow\")", links.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("biosThatGrowPastTwentyThousandCharacters")
    void refusesABioThatGrowsPastItsLimitWhenSanitised(String label, String bio) {
        assertTrue(bio.length() <= 20_000, "the bio must be within the limit as sent");

        post(body("bio", bio)).then().spec(problem(422)).body("errors.pointer", hasItem("/bio"));
        put(body("bio", bio)).then().spec(problem(422)).body("errors.pointer", hasItem("/bio"));
        patch(single("bio", bio)).then().spec(problem(422)).body("errors.pointer", hasItem("/bio"));

        assertNothingStored();
    }

    @Test
    void acceptsABioThatGrowsWhenSanitisedButStillFits() {
        post(body("bio", "&".repeat(3_000))).then().statusCode(201);

        assertEquals(2, count(topic));
    }

    // ---- 4. Duplicate keys ----

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of("familyName", "\"familyName\":\"First\",\"familyName\":\"Second\""),
                Arguments.of("email", "\"email\":\"a@example.org\",\"email\":\"b@example.org\""),
                Arguments.of("links.website", "\"links\":{\"website\":\"https://a.example.org\",\"website\":\"https://b.example.org\"}"));
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

    static Stream<Arguments> brokenUtf8() {
        return Stream.of(
                Arguments.of("overlong slash C0 AF", new byte[]{(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("overlong three-byte E0 80 AF", new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF}),
                Arguments.of("lone FF", new byte[]{(byte) 0xFF}),
                Arguments.of("truncated two-byte sequence C3", new byte[]{(byte) 0xC3}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenUtf8")
    void refusesMalformedUtf8InsideAString(String label, byte[] bytes) throws IOException {
        String text = json(body());
        int cut = text.indexOf("\"familyName\":\"") + "\"familyName\":\"".length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(text.substring(cut).getBytes(StandardCharsets.UTF_8));

        RawHttp.Answer post = RawHttp.sendAsAdmin("POST", SPEAKERS, "application/json; charset=utf-8", out.toByteArray());
        assertEquals(400, post.status(), post.toString());
        assertTrue(post.header("Content-Type").startsWith(PROBLEM_JSON), post.toString());
        RawHttp.Answer put = RawHttp.sendAsAdmin("PUT", witnessPath, "application/json; charset=utf-8", out.toByteArray());
        assertEquals(400, put.status(), put.toString());

        assertNothingStored();
    }

    // ---- 8. Slugs that could be taken for an id ----

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890123456", "99999999999999999999999999"})
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
    void derivesASlugThatCannotBeTakenForAnIdFromANameOfTwentySixDigits() {
        Map<String, Object> body = body();
        body.remove("givenName");
        body.put("familyName", twentySixDigits());
        Response created = post(body);
        created.then().statusCode(201);
        String slug = created.path("slug");

        assertFalse(slug.matches("^[0-9A-HJKMNP-TV-Z]{26}$"), "the derived slug reads as an id: " + slug);
        given().get(SPEAKERS + "/" + slug).then().statusCode(200).body("id", equalTo(created.path("id")));
    }
}
