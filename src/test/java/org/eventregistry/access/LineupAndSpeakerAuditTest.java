package org.eventregistry.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

/** Line-up changes and speaker deletions land in the admin audit log under their own kinds. */
@QuarkusTest
class LineupAndSpeakerAuditTest {

    private static final String AUDIT = "/api/v1/admin/audit";
    private static final String SPEAKERS = "/api/v1/speakers";

    private static String staffToken(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "role", "STAFF"))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("token");
    }

    private static String speaker(String token, String family) {
        return as(token).contentType(ContentType.JSON).body(Map.of("givenName", "Ana", "familyName", family))
                .post(SPEAKERS).then().statusCode(201).extract().path("id");
    }

    @Test
    void lineupChangesAreAuditedAsUpdatesOfTheEventsLineup() {
        String topic = uniqueTag();
        String desk = "Line-up desk " + topic;
        String staff = staffToken(desk);
        String event = createEvent(topic).getString("id");
        String speaker = speaker(staff, "Jeremić " + topic);

        String place = as(staff).header("X-Request-Id", "add-" + topic).contentType(ContentType.JSON)
                .body(Map.of("speaker", speaker, "role", "MODERATOR")).post(EVENTS + "/" + event + "/speakers")
                .then().statusCode(201).extract().path("id");
        as(staff).header("X-Request-Id", "patch-" + topic).contentType(MERGE_PATCH_JSON).body(Map.of("order", 2))
                .patch(EVENTS + "/" + event + "/speakers/" + place).then().statusCode(200);
        as(staff).header("X-Request-Id", "put-" + topic).contentType(ContentType.JSON)
                .body(List.of(Map.of("speaker", speaker, "role", "CHAIR"))).put(EVENTS + "/" + event + "/speakers").then().statusCode(200);
        as(staff).header("X-Request-Id", "refused-" + topic).contentType(ContentType.JSON)
                .body(List.of(Map.of("speaker", "nobody-" + topic, "role", "CHAIR"))).put(EVENTS + "/" + event + "/speakers")
                .then().statusCode(422);

        given().queryParam("recordId", event).queryParam("kind", "lineup").get(AUDIT).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.requestId", contains("put-" + topic, "patch-" + topic, "add-" + topic))
                .body("items.kind", everyItem(equalTo("lineup")))
                .body("items.operation", everyItem(equalTo("UPDATE")))
                .body("items.recordId", everyItem(equalTo(event)))
                .body("items.actor", everyItem(equalTo("token:" + desk)))
                .body("items.actorRole", everyItem(equalTo("STAFF")))
                .body("items.at", everyItem(notNullValue()));
        given().queryParam("requestId", "refused-" + topic).get(AUDIT).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void deletingASpeakerIsAuditedAsADeleteOfTheSpeaker() {
        String topic = uniqueTag();
        String desk = "Speaker desk " + topic;
        String staff = staffToken(desk);
        String speaker = speaker(staff, "Sushentsov " + topic);

        as(staff).header("X-Request-Id", "delete-" + topic).delete(SPEAKERS + "/" + speaker).then().statusCode(204);

        given().queryParam("recordId", speaker).get(AUDIT).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.operation", contains("DELETE", "CREATE"))
                .body("items.kind", everyItem(equalTo("speaker")));
        given().queryParam("recordId", speaker).queryParam("kind", "speaker").queryParam("operation", "DELETE").get(AUDIT)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo("token:" + desk))
                .body("items[0].actorRole", equalTo("STAFF"))
                .body("items[0].requestId", equalTo("delete-" + topic))
                .body("items[0].recordId", equalTo(speaker));
    }

    @Test
    void deletingASpeakerWithUnlinkIsAuditedAsADeleteOfTheSpeaker() {
        String topic = uniqueTag();
        String event = createEvent(topic).getString("id");
        String speaker = speaker(staffToken("Unlink desk " + topic), "Litwak " + topic);
        given().contentType(ContentType.JSON).body(Map.of("speaker", speaker, "role", "SPEAKER"))
                .post(EVENTS + "/" + event + "/speakers").then().statusCode(201);

        given().queryParam("unlink", "true").delete(SPEAKERS + "/" + speaker).then().statusCode(204);

        given().queryParam("recordId", speaker).queryParam("operation", "DELETE").get(AUDIT).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].kind", equalTo("speaker"));
    }

    @Test
    void unlinkingASpeakerIsAuditedOnEveryLineupItChanged() {
        String topic = uniqueTag();
        String event = createEvent(topic).getString("id");
        String speaker = speaker(staffToken("Unlink audit desk " + topic), "Wohlforth " + topic);
        given().contentType(ContentType.JSON).body(Map.of("speaker", speaker, "role", "SPEAKER"))
                .post(EVENTS + "/" + event + "/speakers").then().statusCode(201);

        given().header("X-Request-Id", "unlink-" + topic).queryParam("unlink", "true").delete(SPEAKERS + "/" + speaker)
                .then().statusCode(204);
        given().get(EVENTS + "/" + event + "/speakers").then().statusCode(200).body("size()", equalTo(0));

        given().queryParam("requestId", "unlink-" + topic).queryParam("kind", "lineup").get(AUDIT).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].recordId", equalTo(event))
                .body("items[0].operation", equalTo("UPDATE"));
    }
}
