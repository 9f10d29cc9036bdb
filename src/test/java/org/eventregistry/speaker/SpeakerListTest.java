package org.eventregistry.speaker;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.issueToken;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.speaker.SpeakerApiTest.SPEAKERS;
import static org.eventregistry.speaker.SpeakerApiTest.create;
import static org.eventregistry.speaker.SpeakerApiTest.person;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The speakers list: the role, event and updatedSince filters, cursor paging in collation order, and sorting. */
@QuarkusTest
class SpeakerListTest {

    private static String speaker(String given, String family, String topic) {
        return create(person(given, family, topic)).getString("id");
    }

    private static void appears(String event, String speaker, String role) {
        given().contentType(ContentType.JSON).body(Map.of("speaker", speaker, "role", role))
                .post(EVENTS + "/" + event + "/speakers").then().statusCode(201);
    }

    private static RequestSpecification withTopic(RequestSpecification request, String topic) {
        return request.queryParam("topic", topic).queryParam("limit", 100);
    }

    private static List<String> ids(RequestSpecification request) {
        return request.get(SPEAKERS).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void roleFilterListsSpeakersWhoAppearedInThatRole() {
        String topic = uniqueTag();
        String first = createEvent(topic).getString("id");
        String second = createEvent(topic).getString("id");
        String keynote = speaker("Vuk", "Jeremić", topic);
        String panelist = speaker("Meg", "King", topic);
        String moderator = speaker("Andrey", "Sushentsov", topic);
        String absent = speaker("Robert", "Litwak", topic);
        appears(first, keynote, "KEYNOTE");
        appears(first, panelist, "PANELIST");
        appears(second, moderator, "MODERATOR");
        appears(second, keynote, "SPEAKER");

        assertEquals(List.of(keynote), ids(withTopic(anonymous(), topic).queryParam("role", "KEYNOTE")));
        assertEquals(List.of(keynote), ids(withTopic(anonymous(), topic).queryParam("role", "SPEAKER")));
        withTopic(anonymous(), topic).queryParam("role", "KEYNOTE").queryParam("role", "PANELIST").get(SPEAKERS).then()
                .statusCode(200).body("total", equalTo(2)).body("items.id", containsInAnyOrder(keynote, panelist));
        withTopic(anonymous(), topic).queryParam("role", "CHAIR").get(SPEAKERS).then().statusCode(200).body("total", equalTo(0));
        withTopic(anonymous(), topic).get(SPEAKERS).then().body("total", equalTo(4)).body("items.id", hasItem(absent));
        withTopic(anonymous(), topic).queryParam("role", "JUGGLER").get(SPEAKERS).then().spec(problem(400))
                .body("errors[0].pointer", equalTo("role"));
    }

    @Test
    void eventFilterTakesTheEventIdOrSlugAndRepeatsOr() {
        String topic = uniqueTag();
        JsonPath first = createEvent(topic);
        JsonPath second = createEvent(topic);
        String inFirst = speaker("Vuk", "Jeremić", topic);
        String inSecond = speaker("Meg", "King", topic);
        speaker("Robert", "Litwak", topic);
        appears(first.getString("id"), inFirst, "MODERATOR");
        appears(second.getString("id"), inSecond, "SPEAKER");

        assertEquals(List.of(inFirst), ids(withTopic(anonymous(), topic).queryParam("event", first.getString("id"))));
        assertEquals(List.of(inFirst), ids(withTopic(anonymous(), topic).queryParam("event", first.getString("slug"))));
        assertEquals(List.of(inSecond), ids(withTopic(anonymous(), topic).queryParam("event", second.getString("slug"))));
        withTopic(anonymous(), topic).queryParam("event", first.getString("id")).queryParam("event", second.getString("slug"))
                .get(SPEAKERS).then().statusCode(200).body("total", equalTo(2)).body("items.id", containsInAnyOrder(inFirst, inSecond));
        withTopic(anonymous(), topic).queryParam("event", "no-such-event-" + topic).get(SPEAKERS).then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eventFilterDoesNotRevealTheLineupOfADraftEvent() {
        String topic = uniqueTag();
        String partner = issueToken("PARTNER");
        JsonPath draft = createEvent(event("Draft " + topic, topic, "DRAFT"));
        String hidden = speaker("Vuk", "Jeremić", topic);
        appears(draft.getString("id"), hidden, "KEYNOTE");

        for (RequestSpecification caller : List.of(anonymous(), as(partner))) {
            caller.get(EVENTS + "/" + draft.getString("id") + "/speakers").then().spec(problem(404));
        }
        for (String ref : List.of(draft.getString("id"), draft.getString("slug"))) {
            withTopic(given(), topic).queryParam("event", ref).get(SPEAKERS).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(hidden));
            withTopic(anonymous(), topic).queryParam("event", ref).get(SPEAKERS).then().statusCode(200).body("total", equalTo(0));
            withTopic(as(partner), topic).queryParam("event", ref).get(SPEAKERS).then().statusCode(200).body("total", equalTo(0));
        }
    }

    @Test
    void roleFilterCountsOnlyAppearancesTheCallerMaySee() {
        String topic = uniqueTag();
        String partner = issueToken("PARTNER");
        String draft = createEvent(event("Draft " + topic, topic, "DRAFT")).getString("id");
        String hidden = speaker("Vuk", "Jeremić", topic);
        appears(draft, hidden, "KEYNOTE");

        withTopic(given(), topic).queryParam("role", "KEYNOTE").get(SPEAKERS).then().statusCode(200).body("items.id", contains(hidden));
        withTopic(anonymous(), topic).queryParam("role", "KEYNOTE").get(SPEAKERS).then().statusCode(200).body("total", equalTo(0));
        withTopic(as(partner), topic).queryParam("role", "KEYNOTE").get(SPEAKERS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void updatedSinceListsOnlySpeakersChangedAtOrAfterTheInstant() throws InterruptedException {
        String topic = uniqueTag();
        JsonPath older = create(person("Vuk", "Jeremić", topic));
        Thread.sleep(20);
        JsonPath newer = create(person("Meg", "King", topic));
        String olderAt = older.getString("updatedAt");
        String newerAt = newer.getString("updatedAt");
        assertTrue(Instant.parse(olderAt).isBefore(Instant.parse(newerAt)), olderAt + " / " + newerAt);

        withTopic(anonymous(), topic).queryParam("updatedSince", olderAt).get(SPEAKERS).then().statusCode(200)
                .body("total", equalTo(2));
        withTopic(anonymous(), topic).queryParam("updatedSince", newerAt).get(SPEAKERS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(newer.getString("id")));
        withTopic(anonymous(), topic).queryParam("updatedSince", "2999-01-01T00:00:00Z").get(SPEAKERS).then()
                .statusCode(200).body("total", equalTo(0));

        Thread.sleep(20);
        String touchedAt = given().contentType(MERGE_PATCH_JSON).body(Map.of("position", "President"))
                .patch(SPEAKERS + "/" + older.getString("id")).then().statusCode(200).extract().path("updatedAt");
        withTopic(anonymous(), topic).queryParam("updatedSince", touchedAt).get(SPEAKERS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(older.getString("id")));
        withTopic(anonymous(), topic).queryParam("updatedSince", "yesterday").get(SPEAKERS).then().spec(problem(400))
                .body("errors[0].pointer", equalTo("updatedSince"));
    }

    @Test
    void cursorPagingByFamilyNameReturnsEachSpeakerOnceInCollationOrder() {
        String topic = uniqueTag();
        for (String family : List.of("Đorđević", "Čolić", "Dimitrijević", "Ćosić", "Cvijić")) {
            speaker("Ana", family, topic);
        }
        List<String> seen = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = anonymous().queryParam("topic", topic).queryParam("sort", "familyName").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(SPEAKERS);
            page.then().statusCode(200).body("total", equalTo(5)).body("limit", equalTo(2));
            JsonPath body = page.jsonPath();
            seen.addAll(body.getList("items.familyName", String.class));
            ids.addAll(body.getList("items.id", String.class));
            cursor = body.getString("nextCursor");
            if (cursor != null) {
                page.then().header("Link", containsString("rel=\"next\""));
            } else {
                assertEquals(null, page.getHeader("Link"), "the last page has no next link");
            }
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(List.of("Cvijić", "Čolić", "Ćosić", "Dimitrijević", "Đorđević"), seen);
        assertEquals(5, ids.stream().distinct().count(), "every speaker exactly once: " + ids);
        assertEquals(3, pages);
    }

    @Test
    void sortsByCreationNewestFirst() throws InterruptedException {
        String topic = uniqueTag();
        List<String> created = new ArrayList<>();
        for (String family : List.of("Zec", "Adamović", "Marković")) {
            created.add(speaker("Ana", family, topic));
            Thread.sleep(5);
        }
        assertEquals(List.of(created.get(2), created.get(1), created.get(0)),
                ids(withTopic(anonymous(), topic).queryParam("sort", "-createdAt")));
        assertEquals(created, ids(withTopic(anonymous(), topic).queryParam("sort", "createdAt")));
        withTopic(anonymous(), topic).get(SPEAKERS).then().body("items.familyName", contains("Adamović", "Marković", "Zec"));
        withTopic(anonymous(), topic).queryParam("sort", "-email").get(SPEAKERS).then().spec(problem(400));
    }

    @Test
    void partnersNeverSeePrivateFieldsInTheListAndStaffDo() {
        String topic = uniqueTag();
        speaker("Vuk", "Jeremić", topic);
        speaker("Meg", "King", topic);
        String partner = issueToken("PARTNER");
        String staff = issueToken("STAFF");

        withTopic(as(partner), topic).get(SPEAKERS).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", everyItem(not(hasKey("email"))))
                .body("items", everyItem(not(hasKey("phone"))))
                .body(not(containsString("@cirsd.org")))
                .body(not(containsString("123 4567")));
        withTopic(as(staff), topic).get(SPEAKERS).then().statusCode(200)
                .body("items.email", everyItem(equalTo("office+" + topic + "@cirsd.org")))
                .body("items.phone", everyItem(equalTo("+381 11 123 4567")))
                .body("items[0].email", not(nullValue()));
    }
}
