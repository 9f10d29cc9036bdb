package org.eventregistry.lineup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.issueToken;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.lineup.LineupApiTest.add;
import static org.eventregistry.lineup.LineupApiTest.event;
import static org.eventregistry.lineup.LineupApiTest.speaker;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Reading line-ups: drafts, include=speakers on the events list, a speaker's events with filters, and the speaker filter. */
@QuarkusTest
class LineupReadTest {

    private static final String SPEAKERS = "/api/v1/speakers";

    private static String typedEvent(String topic, String type, String startsAt, String endsAt) {
        Map<String, Object> body = minimalEvent(topic);
        body.put("type", type);
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        return createEvent(body).getString("id");
    }

    @Test
    void theLineupOfADraftIsHiddenFromAnonymousAndPartnersAndShownToStaff() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("publicationStatus", "DRAFT");
        JsonPath draft = createEvent(body);
        String vuk = speaker("Vuk", "Jeremić", "CIRSD");
        add(draft.getString("id"), Map.of("speaker", vuk, "role", "KEYNOTE", "sessionTitle", "Opening")).statusCode(201);
        String partner = issueToken("PARTNER");
        String staff = issueToken("STAFF");

        for (String ref : List.of(draft.getString("id"), draft.getString("slug"))) {
            for (RequestSpecification caller : List.of(anonymous(), as(partner))) {
                caller.get(EVENTS + "/" + ref + "/speakers").then().spec(problem(404))
                        .body("detail", containsString(ref))
                        .body(not(containsString("Jeremić")));
            }
            as(staff).get(EVENTS + "/" + ref + "/speakers").then().statusCode(200)
                    .body("speaker.id", contains(vuk))
                    .body("[0].role", equalTo("KEYNOTE"))
                    .body("[0].sessionTitle", equalTo("Opening"));
        }
        anonymous().queryParam("include", "speakers").get(EVENTS + "/" + draft.getString("id")).then().spec(problem(404));
    }

    @Test
    void includeSpeakersEmbedsEachEventsLineupInOrder() {
        String topic = uniqueTag();
        String first = typedEvent(topic, "LECTURE", "2031-02-01T10:00:00+01:00", "2031-02-01T12:00:00+01:00");
        String second = typedEvent(topic, "PANEL", "2031-02-02T10:00:00+01:00", "2031-02-02T12:00:00+01:00");
        String empty = typedEvent(topic, "LECTURE", "2031-02-03T10:00:00+01:00", "2031-02-03T12:00:00+01:00");
        String a = speaker("Vuk", "Jeremić", "CIRSD");
        String b = speaker("Meg", "King", "Wilson Center");
        String c = speaker("Andrey", "Sushentsov", "MGIMO University");
        add(first, Map.of("speaker", a, "role", "SPEAKER", "order", 2)).statusCode(201);
        add(first, Map.of("speaker", b, "role", "MODERATOR", "order", 0)).statusCode(201);
        add(first, Map.of("speaker", c, "role", "PANELIST", "order", 1)).statusCode(201);
        add(second, Map.of("speaker", c, "role", "CHAIR", "order", 5)).statusCode(201);
        add(second, Map.of("speaker", a, "role", "DISCUSSANT", "order", 3)).statusCode(201);

        anonymous().queryParam("topic", topic).queryParam("include", "speakers").queryParam("sort", "startsAt").get(EVENTS)
                .then().statusCode(200)
                .body("items.id", contains(first, second, empty))
                .body("items[0].speakers.speaker.id", contains(b, c, a))
                .body("items[0].speakers.role", contains("MODERATOR", "PANELIST", "SPEAKER"))
                .body("items[0].speakers.order", contains(0, 1, 2))
                .body("items[0].speakers[1].affiliationAtEvent", equalTo("MGIMO University"))
                .body("items[1].speakers.speaker.id", contains(a, c))
                .body("items[1].speakers.role", contains("DISCUSSANT", "CHAIR"))
                .body("items[2].speakers", empty());
        anonymous().queryParam("topic", topic).get(EVENTS).then().statusCode(200)
                .body("items[0]", not(hasKey("speakers")));
    }

    @Test
    void aSpeakersEventsTakeTheEventFiltersAndCarryTheParts() {
        String topic = uniqueTag();
        String pastLecture = typedEvent(topic, "LECTURE", "2020-03-10T18:00:00+01:00", "2020-03-10T20:00:00+01:00");
        String pastPanel = typedEvent(topic, "PANEL", "2019-03-10T18:00:00+01:00", "2019-03-10T20:00:00+01:00");
        String soonPanel = typedEvent(topic, "PANEL", "2031-03-10T18:00:00+01:00", "2031-03-10T20:00:00+01:00");
        String laterLecture = typedEvent(topic, "LECTURE", "2032-03-10T18:00:00+01:00", "2032-03-10T20:00:00+01:00");
        String s = speaker("Vuk", "Jeremić", "CIRSD");
        for (String e : List.of(pastLecture, pastPanel, laterLecture)) {
            add(e, Map.of("speaker", s, "role", "SPEAKER")).statusCode(201);
        }
        add(soonPanel, Map.of("speaker", s, "role", "PANELIST", "order", 4, "sessionTitle", "Multilateralism",
                "affiliationAtEvent", "United Nations General Assembly")).statusCode(201);
        add(soonPanel, Map.of("speaker", s, "role", "MODERATOR", "order", 1)).statusCode(201);
        String path = SPEAKERS + "/" + s + "/events";

        anonymous().queryParam("type", "PANEL").get(path).then().statusCode(200)
                .body("total", equalTo(2)).body("items.event.id", contains(soonPanel, pastPanel));
        anonymous().queryParam("from", "2030-01-01").get(path).then().statusCode(200)
                .body("total", equalTo(2)).body("items.event.id", contains(soonPanel, laterLecture));
        anonymous().queryParam("type", "PANEL").queryParam("from", "2030-01-01").get(path).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].event.id", equalTo(soonPanel))
                .body("items[0].parts.role", contains("MODERATOR", "PANELIST"))
                .body("items[0].parts.order", contains(1, 4))
                .body("items[0].parts[0].sessionTitle", nullValue())
                .body("items[0].parts[0].affiliationAtEvent", equalTo("CIRSD"))
                .body("items[0].parts[1].sessionTitle", equalTo("Multilateralism"))
                .body("items[0].parts[1].affiliationAtEvent", equalTo("United Nations General Assembly"));
        anonymous().queryParam("type", "LECTURE").queryParam("type", "PANEL").queryParam("topic", topic).get(path).then()
                .statusCode(200).body("total", equalTo(4));
        anonymous().queryParam("type", "JUGGLING").get(path).then().spec(problem(400)).body("errors[0].pointer", equalTo("type"));
        anonymous().queryParam("speaker", s).get(path).then().spec(problem(400));
        anonymous().queryParam("speaker", "someone-else").get(path).then().spec(problem(400));
    }

    @Test
    void twoSpeakerValuesOnTheEventsListMatchEitherSpeaker() {
        String topic = uniqueTag();
        String withA = event(topic, "2031-04-01T10:00:00+02:00", "2031-04-01T12:00:00+02:00");
        String withB = event(topic, "2031-04-02T10:00:00+02:00", "2031-04-02T12:00:00+02:00");
        String withBoth = event(topic, "2031-04-03T10:00:00+02:00", "2031-04-03T12:00:00+02:00");
        String withNeither = event(topic, "2031-04-04T10:00:00+02:00", "2031-04-04T12:00:00+02:00");
        String a = speaker("Vuk", "Jeremić", "CIRSD");
        String b = speaker("Meg", "King", "Wilson Center");
        String other = speaker("Robert S.", "Litwak", "Wilson Center");
        add(withA, Map.of("speaker", a, "role", "SPEAKER")).statusCode(201);
        add(withB, Map.of("speaker", b, "role", "SPEAKER")).statusCode(201);
        add(withBoth, Map.of("speaker", a, "role", "CHAIR")).statusCode(201);
        add(withBoth, Map.of("speaker", b, "role", "SPEAKER")).statusCode(201);
        add(withNeither, Map.of("speaker", other, "role", "SPEAKER")).statusCode(201);
        String bSlug = given().get(SPEAKERS + "/" + b).then().statusCode(200).extract().path("slug");

        anonymous().queryParam("topic", topic).queryParam("speaker", a).queryParam("speaker", bSlug).get(EVENTS).then()
                .statusCode(200).body("total", equalTo(3)).body("items.id", containsInAnyOrder(withA, withB, withBoth));
        anonymous().queryParam("topic", topic).queryParam("speaker", a).get(EVENTS).then()
                .statusCode(200).body("total", equalTo(2)).body("items.id", containsInAnyOrder(withA, withBoth));
    }
}
