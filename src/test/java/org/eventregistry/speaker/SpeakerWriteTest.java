package org.eventregistry.speaker;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.issueToken;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.speaker.SpeakerApiTest.SPEAKERS;
import static org.eventregistry.speaker.SpeakerApiTest.create;
import static org.eventregistry.speaker.SpeakerApiTest.person;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Writes to a speaker that clients make in practice: clearing a private field, and putting back what they read. */
@QuarkusTest
class SpeakerWriteTest {

    @Test
    void staffClearsTheEmailWithAMergePatchNull() {
        String topic = uniqueTag();
        String id = create(person("Vuk", "Jeremić", topic)).getString("id");
        String staff = issueToken("STAFF");

        as(staff).contentType(MERGE_PATCH_JSON).body("{\"email\": null}").patch(SPEAKERS + "/" + id).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("$", not(hasKey("email")))
                .body("phone", equalTo("+381 11 123 4567"))
                .body("familyName", equalTo("Jeremić"))
                .body("version", equalTo(1));
        as(staff).get(SPEAKERS + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("email")))
                .body("phone", equalTo("+381 11 123 4567"));
        given().queryParam("topic", topic).get(SPEAKERS).then().statusCode(200)
                .body("items[0]", not(hasKey("email"))).body("items[0].phone", equalTo("+381 11 123 4567"));
    }

    @Test
    void aFetchedSpeakerPutBackUnchangedIsAccepted() {
        String topic = uniqueTag();
        Map<String, Object> body = person("Vuk", "Jeremić", topic);
        body.put("honorific", "H.E.");
        body.put("position", "President");
        body.put("bio", "<p>President of CIRSD and editor of <em>Horizons</em>.</p>");
        body.put("photoUrl", "https://www.cirsd.org/images/vuk.jpg");
        body.put("links", Map.of("website", "https://www.cirsd.org", "orcid", "https://orcid.org/0000-0002-1825-0097",
                "profiles", List.of("https://x.com/VukJeremic")));
        String id = create(body).getString("id");

        Response read = given().get(SPEAKERS + "/" + id);
        read.then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(0)).body("createdAt", notNullValue());
        String fetched = read.asString();
        JsonPath before = read.jsonPath();

        Response put = given().header("If-Match", read.getHeader("ETag")).contentType(ContentType.JSON).body(fetched)
                .put(SPEAKERS + "/" + id);
        put.then().statusCode(200).header("ETag", notNullValue()).body("version", equalTo(1));
        JsonPath after = put.jsonPath();
        assertNotEquals(read.getHeader("ETag"), put.getHeader("ETag"));
        for (String field : List.of("id", "slug", "honorific", "givenName", "familyName", "displayName", "position", "affiliation",
                "country", "bio", "photoUrl", "links", "topics", "email", "phone", "createdAt")) {
            assertEquals((Object) before.get(field), after.get(field), field);
        }
        given().get(SPEAKERS + "/" + id).then().statusCode(200).body("version", equalTo(1))
                .body("links.orcid", equalTo("0000-0002-1825-0097"));
    }
}
