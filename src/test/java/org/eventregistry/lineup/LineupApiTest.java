package org.eventregistry.lineup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.searchIndexCurrent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Line-ups: adding, ordering, replacing and removing speakers of an event, and the events of a speaker. */
@QuarkusTest
class LineupApiTest {

    @Inject
    EntityManagerFactory emf;

    static String speaker(String given, String family, String affiliation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", given);
        body.put("familyName", family);
        body.put("affiliation", affiliation);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/speakers").then().statusCode(201).extract().path("id");
    }

    static String event(String topic, String startsAt, String endsAt) {
        Map<String, Object> body = minimalEvent(topic);
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        return createEvent(body).getString("id");
    }

    static io.restassured.response.ValidatableResponse add(String event, Map<String, Object> place) {
        return given().contentType(ContentType.JSON).body(place).post("/api/v1/events/" + event + "/speakers").then();
    }

    @Test
    void addsSpeakersInOrderWithTheirAffiliationAtTheTime() {
        String topic = uniqueTag();
        String event = event(topic, "2030-01-10T18:00:00+01:00", "2030-01-10T20:00:00+01:00");
        String vuk = speaker("Vuk", "Jeremić", "CIRSD");
        String andrey = speaker("Andrey", "Sushentsov", "MGIMO University");
        add(event, Map.of("speaker", andrey, "role", "SPEAKER", "order", 1, "sessionTitle", "Multipolarity")).statusCode(201)
                .body("affiliationAtEvent", equalTo("MGIMO University")).body("speaker.displayName", equalTo("Andrey Sushentsov"));
        add(event, Map.of("speaker", vuk, "role", "MODERATOR", "order", 0)).statusCode(201);

        // The speaker changes jobs; the line-up keeps what was true at the event.
        given().contentType("application/merge-patch+json").body(Map.of("affiliation", "United Nations"))
                .patch("/api/v1/speakers/" + andrey).then().statusCode(200);

        anonymous().get("/api/v1/events/" + event + "/speakers").then().statusCode(200)
                .body("role", contains("MODERATOR", "SPEAKER"))
                .body("order", contains(0, 1))
                .body("[1].affiliationAtEvent", equalTo("MGIMO University"))
                .body("[1].speaker.affiliation", equalTo("United Nations"))
                .body("[1].sessionTitle", equalTo("Multipolarity"));
        anonymous().queryParam("include", "speakers").get("/api/v1/events/" + event).then().statusCode(200)
                .body("speakers.speaker.id", contains(vuk, andrey))
                .body("speakers[0].speaker.slug", equalTo("vuk-jeremic" + slugSuffix(vuk)));
    }

    private static String slugSuffix(String speakerId) {
        String slug = given().get("/api/v1/speakers/" + speakerId).then().extract().path("slug");
        return slug.substring("vuk-jeremic".length());
    }

    @Test
    void aSpeakerMayHoldEachRoleOnceAndChangesAreChecked() {
        String topic = uniqueTag();
        String event = event(topic, "2030-02-10T18:00:00+01:00", "2030-02-10T20:00:00+01:00");
        String vuk = speaker("Vuk", "Jeremić", "CIRSD");
        String place = add(event, Map.of("speaker", vuk, "role", "CHAIR")).statusCode(201).extract().path("id");
        add(event, Map.of("speaker", vuk, "role", "CHAIR")).statusCode(409).contentType(PROBLEM_JSON);
        add(event, Map.of("speaker", vuk, "role", "SPEAKER")).statusCode(201);
        add(event, Map.of("speaker", "no-such-speaker", "role", "SPEAKER")).statusCode(422).body("errors[0].pointer", equalTo("/speaker"));
        add(event, Map.of("speaker", vuk, "role", "JUGGLER")).statusCode(400).body("errors[0].pointer", equalTo("/role"));
        add(event, Map.of("speaker", vuk, "role", "HOST", "order", -1)).statusCode(422).body("errors[0].pointer", equalTo("/order"));
        add(event, Map.of("speaker", vuk, "role", "HOST", "order", 1_000_000)).statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("speaker", vuk, "role", "HOST"))
                .post("/api/v1/events/no-such-event/speakers").then().statusCode(404);
        given().get("/api/v1/events/" + event + "/speakers").then().body("$", hasSize(2));

        given().contentType("application/merge-patch+json").body(Map.of("role", "SPEAKER"))
                .patch("/api/v1/events/" + event + "/speakers/" + place).then().statusCode(409);
        given().contentType("application/merge-patch+json").body(Map.of("role", "MODERATOR", "order", 5))
                .patch("/api/v1/events/" + event + "/speakers/" + place).then().statusCode(200)
                .body("role", equalTo("MODERATOR")).body("order", equalTo(5));
        anonymous().contentType("application/merge-patch+json").body(Map.of("order", 1))
                .patch("/api/v1/events/" + event + "/speakers/" + place).then().statusCode(401);
        given().delete("/api/v1/events/" + event + "/speakers/" + place).then().statusCode(204);
        given().delete("/api/v1/events/" + event + "/speakers/" + place).then().statusCode(404);
        given().get("/api/v1/events/" + event + "/speakers").then().body("role", contains("SPEAKER"));
    }

    @Test
    void replacesTheWholeLineupInOneRequestOrNotAtAll() {
        String topic = uniqueTag();
        String event = event(topic, "2030-03-10T18:00:00+01:00", "2030-03-10T20:00:00+01:00");
        String a = speaker("Robert S.", "Litwak", "Wilson Center");
        String b = speaker("Meg", "King", "Wilson Center");
        add(event, Map.of("speaker", a, "role", "SPEAKER")).statusCode(201);
        given().contentType("application/merge-patch+json").body(Map.of("affiliation", "Retired")).patch("/api/v1/speakers/" + a);

        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("speaker", b, "role", "CHAIR"), Map.of("speaker", a, "role", "SPEAKER")))
                .put("/api/v1/events/" + event + "/speakers").then().statusCode(200)
                .body("speaker.id", contains(b, a))
                .body("[1].affiliationAtEvent", equalTo("Wilson Center"));

        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("speaker", a, "role", "SPEAKER"), Map.of("speaker", a, "role", "SPEAKER"),
                        Map.of("speaker", "nobody-at-all", "role", "HOST")))
                .put("/api/v1/events/" + event + "/speakers").then().statusCode(422)
                .body("errors.pointer", hasItem("/1/role")).body("errors.pointer", hasItem("/2/speaker"));
        given().get("/api/v1/events/" + event + "/speakers").then().body("speaker.id", contains(b, a));
    }

    @Test
    void deletingASpeakerInALineupNeedsUnlinkAndDeletingAnEventDropsItsLineup() {
        String topic = uniqueTag();
        String event = event(topic, "2030-04-10T18:00:00+02:00", "2030-04-10T20:00:00+02:00");
        String title = given().get("/api/v1/events/" + event).then().extract().path("title");
        String s = speaker("Stefan", "Jovanović", "CIRSD");
        add(event, Map.of("speaker", s, "role", "PANELIST")).statusCode(201);
        given().delete("/api/v1/speakers/" + s).then().statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString(title));
        given().get("/api/v1/speakers/" + s).then().statusCode(200);
        given().queryParam("unlink", "maybe").delete("/api/v1/speakers/" + s).then().statusCode(400);
        given().queryParam("unlink", "true").delete("/api/v1/speakers/" + s).then().statusCode(204);
        given().get("/api/v1/events/" + event + "/speakers").then().body("$", hasSize(0));

        String s2 = speaker("Vuk", "Jeremić", "CIRSD");
        add(event, Map.of("speaker", s2, "role", "HOST")).statusCode(201);
        given().delete("/api/v1/events/" + event).then().statusCode(204);
        given().delete("/api/v1/speakers/" + s2).then().statusCode(204);
    }

    @Test
    void listsASpeakersEventsUpcomingFirstWithTheirRoles() {
        String topic = uniqueTag();
        String past1 = event(topic, "2020-01-10T18:00:00+01:00", "2020-01-10T20:00:00+01:00");
        String past2 = event(topic, "2021-01-10T18:00:00+01:00", "2021-01-10T20:00:00+01:00");
        String soon = event(topic, "2031-01-10T18:00:00+01:00", "2031-01-10T20:00:00+01:00");
        String later = event(topic, "2032-01-10T18:00:00+01:00", "2032-01-10T20:00:00+01:00");
        String other = event(topic, "2031-06-10T18:00:00+02:00", "2031-06-10T20:00:00+02:00");
        String s = speaker("Vuk", "Jeremić", "CIRSD");
        for (String e : List.of(past1, past2, soon, later)) {
            add(e, Map.of("speaker", s, "role", "MODERATOR")).statusCode(201);
        }
        add(soon, Map.of("speaker", s, "role", "SPEAKER", "order", 3)).statusCode(201);
        speaker("Someone", "Else", "Elsewhere");

        anonymous().get("/api/v1/speakers/" + s + "/events").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.event.id", contains(soon, later, past2, past1))
                .body("items[0].parts.role", contains("MODERATOR", "SPEAKER"));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = anonymous().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/speakers/" + s + "/events").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.event.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(soon, later, past2, past1), paged);
        anonymous().queryParam("sort", "startsAt").queryParam("from", "2030-01-01").get("/api/v1/speakers/" + s + "/events")
                .then().body("items.event.id", contains(soon, later));
        anonymous().queryParam("speaker", s).queryParam("topic", topic).get("/api/v1/events").then()
                .body("total", equalTo(4)).body("items.id", org.hamcrest.Matchers.not(hasItem(other)));
        anonymous().get("/api/v1/speakers/nobody-at-all/events").then().statusCode(404);
        anonymous().queryParam("include", "sponsors").get("/api/v1/events").then().statusCode(400);
    }

    @Test
    void listingEventsWithTheirLineupsTakesAConstantNumberOfStatements() {
        String topic = uniqueTag();
        List<String> speakers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            speakers.add(speaker("Speaker", "Number" + i, "Institute " + i));
        }
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        List<Long> counts = new ArrayList<>();
        int made = 0;
        for (int wanted : new int[]{3, 30}) {
            for (; made < wanted; made++) {
                String event = event(topic, "2030-06-" + String.format("%02d", 1 + made % 28) + "T10:00:00+02:00", "2030-06-28T12:00:00+02:00");
                for (int k = 0; k < 3; k++) {
                    add(event, Map.of("speaker", speakers.get((made + k) % speakers.size()), "role", "SPEAKER")).statusCode(201);
                }
            }
            searchIndexCurrent();
            statistics.clear();
            anonymous().queryParam("topic", topic).queryParam("include", "speakers").queryParam("limit", 100)
                    .get("/api/v1/events").then().statusCode(200)
                    .body("items", hasSize(wanted))
                    .body("items[0].speakers", hasSize(3));
            counts.add(statistics.getPrepareStatementCount());
        }
        assertEquals(counts.get(0), counts.get(1), "statements for 3 events vs 30 events: " + counts);
    }
}
