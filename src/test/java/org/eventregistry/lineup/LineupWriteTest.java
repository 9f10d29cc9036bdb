package org.eventregistry.lineup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.lineup.LineupApiTest.add;
import static org.eventregistry.lineup.LineupApiTest.event;
import static org.eventregistry.lineup.LineupApiTest.speaker;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writing line-ups: speakers named by slug, and bodies that are the wrong shape or out of range. */
@QuarkusTest
class LineupWriteTest {

    private static String lineupOf(String event) {
        return EVENTS + "/" + event + "/speakers";
    }

    @Test
    void addsASpeakerNamedByTheirSlug() {
        String topic = uniqueTag();
        String event = event(topic, "2031-05-10T18:00:00+02:00", "2031-05-10T20:00:00+02:00");
        String id = speaker("Andrey", "Sushentsov", "MGIMO University");
        String slug = given().get("/api/v1/speakers/" + id).then().statusCode(200).extract().path("slug");

        add(event, Map.of("speaker", slug, "role", "KEYNOTE")).statusCode(201)
                .header("Location", containsString(lineupOf(event) + "/"))
                .body("speaker.id", equalTo(id))
                .body("speaker.slug", equalTo(slug))
                .body("affiliationAtEvent", equalTo("MGIMO University"));
        add(event, Map.of("speaker", id, "role", "KEYNOTE")).spec(problem(409));
        given().contentType(ContentType.JSON).body(List.of(Map.of("speaker", slug, "role", "CHAIR")))
                .put(lineupOf(event)).then().statusCode(200).body("speaker.id", contains(id)).body("role", contains("CHAIR"));
        given().get(lineupOf(event)).then().statusCode(200).body("speaker.id", contains(id)).body("role", contains("CHAIR"));
    }

    @Test
    void aLineupReplacementThatIsNotAnArrayIsRefused() {
        String topic = uniqueTag();
        String event = event(topic, "2031-06-10T18:00:00+02:00", "2031-06-10T20:00:00+02:00");
        String id = speaker("Vuk", "Jeremić", "CIRSD");
        add(event, Map.of("speaker", id, "role", "MODERATOR")).statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("speaker", id, "role", "SPEAKER")).put(lineupOf(event))
                .then().spec(problem(400));
        given().contentType(ContentType.JSON).body("{}").put(lineupOf(event)).then().spec(problem(400));
        given().contentType(ContentType.JSON).body("\"" + id + "\"").put(lineupOf(event)).then().spec(problem(400));
        given().get(lineupOf(event)).then().statusCode(200).body("role", contains("MODERATOR"));
    }

    @Test
    void aPlacePatchWithAnUnknownFieldOrANegativeOrderIsRefused() {
        String topic = uniqueTag();
        String event = event(topic, "2031-07-10T18:00:00+02:00", "2031-07-10T20:00:00+02:00");
        String id = speaker("Meg", "King", "Wilson Center");
        String place = add(event, Map.of("speaker", id, "role", "PANELIST", "order", 3)).statusCode(201).extract().path("id");
        String path = lineupOf(event) + "/" + place;

        given().contentType(MERGE_PATCH_JSON).body(Map.of("order", 1, "stage", "Main hall")).patch(path)
                .then().spec(problem(400)).body("errors.pointer", hasItem("/stage"));
        given().contentType(MERGE_PATCH_JSON).body(Map.of("order", -5)).patch(path)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/order"));
        given().contentType(MERGE_PATCH_JSON).body("[{\"order\": 1}]").patch(path).then().spec(problem(400));
        given().get(lineupOf(event)).then().statusCode(200)
                .body("order", contains(3)).body("role", contains("PANELIST"));
        given().contentType(MERGE_PATCH_JSON).body(Map.of("order", 7)).patch(path).then().statusCode(200).body("order", equalTo(7));
    }

    @Test
    void aReplacedLineupComesBackInTheOrderItIsReadIn() {
        String topic = uniqueTag();
        String event = event(topic, "2031-08-10T18:00:00+02:00", "2031-08-10T20:00:00+02:00");
        String a = speaker("Vuk", "Jeremić", "CIRSD");
        String b = speaker("Meg", "King", "Wilson Center");
        String c = speaker("Andrey", "Sushentsov", "MGIMO University");

        List<String> written = given().contentType(ContentType.JSON)
                .body(List.of(Map.of("speaker", a, "role", "SPEAKER", "order", 0),
                        Map.of("speaker", b, "role", "CHAIR", "order", 0),
                        Map.of("speaker", c, "role", "KEYNOTE", "order", 1)))
                .put(lineupOf(event)).then().statusCode(200).extract().jsonPath().getList("id", String.class);
        List<String> read = given().get(lineupOf(event)).then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertEquals(read, written, "PUT answers the line-up in the order GET lists it");
    }
}
