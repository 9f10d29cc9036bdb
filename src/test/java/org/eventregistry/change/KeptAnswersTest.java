package org.eventregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.change.Writes.SPEAKERS;
import static org.eventregistry.change.Writes.addToLineup;
import static org.eventregistry.change.Writes.patch;
import static org.eventregistry.change.Writes.speaker;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Answers kept rendered by change position (change/Answers) are never stale and never cross from one caller's view
 * to another's: each read below follows a read of the same URL that would have filled the cache.
 */
@QuarkusTest
class KeptAnswersTest {

    private static String title(String path) {
        return anonymous().get(path).then().statusCode(200).extract().path("title");
    }

    @Test
    void aRecordReadAgainAfterAChangeShowsTheChange() {
        String topic = uniqueTag();
        String id = createEvent(event("Before " + topic, topic, "PUBLISHED")).getString("id");
        String path = EVENTS + "/" + id;
        String firstTag = anonymous().get(path).then().statusCode(200).extract().header("ETag");
        assertEquals("Before " + topic, title(path));

        patch(path, Map.of("title", "After " + topic));

        assertEquals("After " + topic, title(path));
        assertNotEquals(firstTag, anonymous().get(path).then().extract().header("ETag"));
        anonymous().header("If-None-Match", firstTag).get(path).then().statusCode(200);
    }

    @Test
    void aDraftReadByStaffStaysHiddenFromThePublicAndAppearsOncePublished() {
        String topic = uniqueTag();
        String id = createEvent(event("Draft " + topic, topic, "DRAFT")).getString("id");
        String path = EVENTS + "/" + id;
        given().get(path).then().statusCode(200);
        anonymous().get(path).then().statusCode(404);
        given().get(EVENTS + "?topic=" + topic).then().body("items.id", equalTo(List.of(id)));
        anonymous().get(EVENTS + "?topic=" + topic).then().body("items", equalTo(List.of()));

        patch(path, Map.of("publicationStatus", "PUBLISHED"));

        anonymous().get(path).then().statusCode(200).body("id", equalTo(id));
        anonymous().get(EVENTS + "?topic=" + topic).then().body("items.id", equalTo(List.of(id)));
    }

    @Test
    void privateFieldsReadByStaffNeverReachThePublic() {
        String tag = uniqueTag();
        String id = speaker("Mira", "Kept" + tag).getString("id");
        patch(SPEAKERS + "/" + id, Map.of("email", tag + "@example.org"));

        given().get(SPEAKERS + "/" + id).then().statusCode(200).body("email", equalTo(tag + "@example.org"));
        anonymous().get(SPEAKERS + "/" + id).then().statusCode(200).body("email", nullValue());
        given().get(SPEAKERS + "?q=Kept" + tag).then().statusCode(200);
        String publicList = anonymous().get(SPEAKERS + "?q=Kept" + tag).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(publicList.contains("@example.org"), publicList);
    }

    @Test
    void anEmbeddedSpeakerChangedShowsTheChangeInTheEventAndItsList() {
        String topic = uniqueTag();
        String event = createEvent(event("Panel " + topic, topic, "PUBLISHED")).getString("id");
        String speaker = speaker("Ana", "Kept" + topic).getString("id");
        patch(SPEAKERS + "/" + speaker, Map.of("affiliation", "Old " + topic));
        addToLineup(event, speaker, "PANELIST");
        String one = EVENTS + "/" + event + "?include=speakers";
        String list = EVENTS + "?include=speakers&topic=" + topic;
        anonymous().get(one).then().statusCode(200).body("speakers[0].speaker.affiliation", equalTo("Old " + topic));
        anonymous().get(list).then().statusCode(200).body("items[0].speakers[0].speaker.affiliation", equalTo("Old " + topic));

        patch(SPEAKERS + "/" + speaker, Map.of("affiliation", "New " + topic));

        anonymous().get(one).then().statusCode(200).body("speakers[0].speaker.affiliation", equalTo("New " + topic));
        anonymous().get(list).then().statusCode(200).body("items[0].speakers[0].speaker.affiliation", equalTo("New " + topic));
    }

    @Test
    void keptAnswersAreStillJson() {
        String topic = uniqueTag();
        String id = createEvent(event("Json " + topic, topic, "PUBLISHED")).getString("id");
        for (int i = 0; i < 2; i++) {
            anonymous().get(EVENTS + "/" + id).then().statusCode(200).contentType(ContentType.JSON).body("id", equalTo(id));
            anonymous().get(EVENTS + "?topic=" + topic).then().statusCode(200).contentType(ContentType.JSON)
                    .body("items[0].id", equalTo(id)).body("total", equalTo(1));
        }
    }
}
