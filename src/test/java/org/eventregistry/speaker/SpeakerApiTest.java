package org.eventregistry.speaker;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.issueToken;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The speakers resource: CRUD, derived names, private fields, filters, collation and bad input. */
@QuarkusTest
class SpeakerApiTest {

    static final String SPEAKERS = "/api/v1/speakers";

    static Map<String, Object> person(String given, String family, String topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", given);
        body.put("familyName", family);
        body.put("affiliation", "Center for International Relations and Sustainable Development");
        body.put("country", "RS");
        body.put("topics", List.of(topic));
        body.put("email", "office+" + topic + "@cirsd.org");
        body.put("phone", "+381 11 123 4567");
        return body;
    }

    static JsonPath create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(SPEAKERS).then().statusCode(201).extract().jsonPath();
    }

    static int count(String topic) {
        return given().queryParam("topic", topic).get(SPEAKERS).then().statusCode(200).extract().path("total");
    }

    @Test
    void registersASpeakerWithDerivedDisplayNameAndSlug() {
        String topic = uniqueTag();
        Map<String, Object> body = person("Stefan", "Jovanović " + topic, topic);
        body.put("links", Map.of("website", "https://www.cirsd.org", "orcid", "https://orcid.org/0000-0002-1825-0097",
                "profiles", List.of("https://x.com/cirsd")));
        var created = given().contentType(ContentType.JSON).body(body).post(SPEAKERS);
        created.then().statusCode(201).header("Location", containsString("/api/v1/speakers/")).header("ETag", notNullValue())
                .body("displayName", equalTo("Stefan Jovanović " + topic))
                .body("slug", equalTo("stefan-jovanovic-" + topic))
                .body("links.orcid", equalTo("0000-0002-1825-0097"))
                .body("links.profiles", contains("https://x.com/cirsd"));
        String slug = created.path("slug");
        given().get(SPEAKERS + "/" + slug).then().statusCode(200).body("id", equalTo(created.path("id")));
    }

    @Test
    void privateFieldsAreShownOnlyToStaffAndAdmin() {
        String topic = uniqueTag();
        String id = create(person("Meg", "King", topic)).getString("id");
        String partner = issueToken("PARTNER");
        String staff = issueToken("STAFF");
        for (var caller : List.of(anonymous(), as(partner))) {
            caller.get(SPEAKERS + "/" + id).then().statusCode(200)
                    .body("$", not(hasKey("email"))).body("$", not(hasKey("phone")));
        }
        anonymous().queryParam("topic", topic).get(SPEAKERS).then().statusCode(200)
                .body("items[0]", not(hasKey("email"))).body("items[0]", not(hasKey("phone")));
        as(staff).get(SPEAKERS + "/" + id).then().statusCode(200)
                .body("email", equalTo("office+" + topic + "@cirsd.org")).body("phone", equalTo("+381 11 123 4567"));
        as(staff).queryParam("topic", topic).get(SPEAKERS).then().body("items[0].email", equalTo("office+" + topic + "@cirsd.org"));
    }

    @Test
    void onlyStaffMayWriteSpeakers() {
        String topic = uniqueTag();
        anonymous().contentType(ContentType.JSON).body(person("A", "B", topic)).post(SPEAKERS).then().statusCode(401);
        as(issueToken("PARTNER")).contentType(ContentType.JSON).body(person("A", "B", topic)).post(SPEAKERS).then().statusCode(403);
        assertEquals(0, count(topic));
        as(issueToken("STAFF")).contentType(ContentType.JSON).body(person("A", "B", topic)).post(SPEAKERS).then().statusCode(201);
        assertEquals(1, count(topic));
    }

    @Test
    void putReplacesPatchMergesDeleteRemovesWithVersionChecks() {
        String topic = uniqueTag();
        JsonPath created = create(person("Vuk", "Jeremić", topic));
        String id = created.getString("id");
        String etag = given().get(SPEAKERS + "/" + id).then().extract().header("ETag");
        given().header("If-None-Match", etag).get(SPEAKERS + "/" + id).then().statusCode(304);

        Map<String, Object> replaced = person("Vuk", "Jeremić", topic);
        replaced.put("displayName", "H.E. Vuk Jeremić");
        replaced.remove("phone");
        String etag2 = given().header("If-Match", etag).contentType(ContentType.JSON).body(replaced).put(SPEAKERS + "/" + id)
                .then().statusCode(200).body("displayName", equalTo("H.E. Vuk Jeremić")).body("phone", org.hamcrest.Matchers.nullValue())
                .body("slug", equalTo(created.getString("slug"))).extract().header("ETag");
        given().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("position", "President"))
                .patch(SPEAKERS + "/" + id).then().statusCode(412);
        given().header("If-Match", etag2).contentType("application/merge-patch+json")
                .body("{\"position\": \"President\", \"displayName\": null}").patch(SPEAKERS + "/" + id)
                .then().statusCode(200).body("position", equalTo("President")).body("displayName", equalTo("Vuk Jeremić"));
        given().header("If-Match", etag).delete(SPEAKERS + "/" + id).then().statusCode(412);
        given().delete(SPEAKERS + "/" + id).then().statusCode(204);
        given().get(SPEAKERS + "/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void idempotencyKeyMakesRegistrationSafeToRetry() {
        String topic = uniqueTag();
        Map<String, Object> body = person("Andrey", "Sushentsov", topic);
        String key = "key-" + topic;
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(SPEAKERS)
                .then().statusCode(201).extract().path("id");
        String second = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(SPEAKERS)
                .then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        body.put("position", "Dean");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(SPEAKERS).then().statusCode(422);
        assertEquals(1, count(topic));
    }

    @Test
    void familyNamesSortInTheLanguageCollation() {
        String topic = uniqueTag();
        for (String family : List.of("Živković", "Zec", "Šarić", "Jeremić", "Eraković", "Đorđević", "Dimitrijević", "Ćosić", "Čolić", "Cvijić")) {
            create(person("Ana", family, topic));
        }
        given().queryParam("topic", topic).queryParam("sort", "familyName").get(SPEAKERS).then().statusCode(200)
                .body("items.familyName", contains("Cvijić", "Čolić", "Ćosić", "Dimitrijević", "Đorđević", "Eraković", "Jeremić",
                        "Šarić", "Zec", "Živković"));
        given().queryParam("topic", topic).queryParam("sort", "-familyName").queryParam("limit", 3).get(SPEAKERS).then()
                .body("items.familyName", contains("Živković", "Zec", "Šarić"));
    }

    @Test
    void qFindsSpeakersWhateverTheAccentsAndCase() {
        String topic = uniqueTag();
        create(person("Stefan", "Jovanović", topic));
        create(person("Vuk", "Jeremić", topic));
        given().queryParam("topic", topic).queryParam("q", "jovanovic").get(SPEAKERS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].familyName", equalTo("Jovanović"));
        given().queryParam("topic", topic).queryParam("q", "JEREMIĆ vuk").get(SPEAKERS).then().body("total", equalTo(1));
        given().queryParam("topic", topic).queryParam("q", "relations").get(SPEAKERS).then().body("total", equalTo(2));
        given().queryParam("topic", topic).queryParam("q", "100%_").get(SPEAKERS).then().statusCode(200).body("total", equalTo(0));
        create(person("Ђорђе", "Станковић", topic));
        given().queryParam("topic", topic).queryParam("q", "stankovic").get(SPEAKERS).then()
                .body("total", equalTo(1)).body("items[0].familyName", equalTo("Станковић"));
    }

    @Test
    void filtersByAffiliationCountryAndTopic() {
        String topic = uniqueTag();
        Map<String, Object> mgimo = person("Andrey", "Sushentsov", topic);
        mgimo.put("affiliation", "MGIMO University");
        mgimo.put("country", "RU");
        create(mgimo);
        create(person("Stefan", "Jovanović", topic));
        given().queryParam("topic", topic).queryParam("affiliation", "mgimo university").get(SPEAKERS).then()
                .body("total", equalTo(1)).body("items[0].familyName", equalTo("Sushentsov"));
        given().queryParam("topic", topic).queryParam("country", "RS").get(SPEAKERS).then()
                .body("total", equalTo(1)).body("items[0].familyName", equalTo("Jovanović"));
        given().queryParam("topic", topic).queryParam("country", "RS").queryParam("country", "RU").get(SPEAKERS).then().body("total", equalTo(2));
        given().queryParam("country", "XX").get(SPEAKERS).then().statusCode(400).contentType(PROBLEM_JSON);
        given().queryParam("role", "JUGGLER").get(SPEAKERS).then().statusCode(400).contentType(PROBLEM_JSON);
        given().queryParam("sort", "age").get(SPEAKERS).then().statusCode(400);
        given().queryParam("nickname", "x").get(SPEAKERS).then().statusCode(400);
    }

    @Test
    void badSpeakerInputIsRefusedAndChangesNothing() {
        String topic = uniqueTag();
        Map<String, Object> badOrcid = person("A", "B", topic);
        badOrcid.put("links", Map.of("orcid", "0000-0002-1825-0098"));
        given().contentType(ContentType.JSON).body(badOrcid).post(SPEAKERS).then().statusCode(422)
                .contentType(PROBLEM_JSON).body("errors.pointer", hasItem("/links/orcid"));
        Map<String, Object> nameless = person(null, null, topic);
        given().contentType(ContentType.JSON).body(nameless).post(SPEAKERS).then().statusCode(422)
                .body("errors.pointer", hasItem("/familyName"));
        Map<String, Object> badMail = person("A", "B", topic);
        badMail.put("email", "not-an-address");
        badMail.put("photoUrl", "javascript:alert(1)");
        given().contentType(ContentType.JSON).body(badMail).post(SPEAKERS).then().statusCode(422)
                .body("errors.pointer", hasItem("/email")).body("errors.pointer", hasItem("/photoUrl"));
        Map<String, Object> unknown = person("A", "B", topic);
        unknown.put("nickname", "x");
        given().contentType(ContentType.JSON).body(unknown).post(SPEAKERS).then().statusCode(400).body("errors[0].pointer", equalTo("/nickname"));
        Map<String, Object> tooLong = person("A", "B".repeat(101), topic);
        given().contentType(ContentType.JSON).body(tooLong).post(SPEAKERS).then().statusCode(422).body("errors.pointer", hasItem("/familyName"));
        String slug = create(person("Taken", "Slug", topic)).getString("slug");
        Map<String, Object> clash = person("Other", "Person", topic);
        clash.put("slug", slug);
        given().contentType(ContentType.JSON).body(clash).post(SPEAKERS).then().statusCode(409).contentType(PROBLEM_JSON);
        assertEquals(1, count(topic));
    }

    @Test
    void orcidCheckDigitIsVerified() {
        assertEquals("0000-0002-1825-0097", Orcid.Check.bare("0000-0002-1825-0097"));
        assertEquals("0000-0001-5109-3700", Orcid.Check.bare("https://orcid.org/0000-0001-5109-3700"));
        assertEquals("0000-0002-1694-233X", Orcid.Check.bare("0000-0002-1694-233X"));
        assertEquals(null, Orcid.Check.bare("0000-0002-1694-2339"));
        assertEquals(null, Orcid.Check.bare("0000-0002-1825-009"));
    }
}
