package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.countWithTopic;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Create, read, replace, patch and delete one event at a time. */
@QuarkusTest
class EventCrudTest {

    @Test
    void createsAnEventAndAnswersWithLocationEtagAndTheEvent() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("summary", "A short teaser");
        body.put("venue", Map.of("name", "Palace of Serbia", "city", "Belgrade", "country", "RS"));

        Response created = given().contentType(ContentType.JSON).body(body).when().post(EVENTS);

        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", not(emptyOrNullString()))
                .body("id", not(emptyOrNullString()))
                .body("title", equalTo(body.get("title")))
                .body("summary", equalTo("A short teaser"))
                .body("type", equalTo("LECTURE"))
                .body("publicationStatus", equalTo("PUBLISHED"))
                .body("status", equalTo("SCHEDULED"))
                .body("format", equalTo("IN_PERSON"))
                .body("venue.city", equalTo("Belgrade"))
                .body("topics", equalTo(List.of(topic)))
                .body("version", equalTo(0));
        String id = created.path("id");
        created.then().header("Location", endsWith(EVENTS + "/" + id));

        given().when().get(created.header("Location"))
                .then().statusCode(200).body("id", equalTo(id)).body("title", equalTo(body.get("title")));
    }

    @Test
    void readsAnEventByIdAndBySlug() {
        JsonPath event = createEvent(uniqueTag());
        String id = event.getString("id");
        String slug = event.getString("slug");

        given().when().get(EVENTS + "/" + id)
                .then().statusCode(200).header("ETag", not(emptyOrNullString()))
                .body("id", equalTo(id)).body("slug", equalTo(slug));
        given().when().get(EVENTS + "/" + slug)
                .then().statusCode(200).header("ETag", not(emptyOrNullString()))
                .body("id", equalTo(id)).body("slug", equalTo(slug));
    }

    @Test
    void answersNotFoundForAnUnknownEvent() {
        given().when().get(EVENTS + "/no-such-event-" + uniqueTag())
                .then().spec(problem(404));
    }

    @Test
    void derivesTheSlugFromTheTitleFoldingDiacritics() {
        String tag = uniqueTag();
        Map<String, Object> body = minimalEvent(tag);
        body.put("title", "Đorđević Jeremić " + tag);

        JsonPath event = createEvent(body);

        assertEquals("dordevic-jeremic-" + tag, event.getString("slug"));
    }

    @Test
    void givesASecondEventWithTheSameTitleADifferentSlug() {
        String tag = uniqueTag();
        Map<String, Object> body = minimalEvent(tag);
        body.put("title", "Horizons Discussions " + tag);

        JsonPath first = createEvent(body);
        JsonPath second = createEvent(body);

        assertEquals("horizons-discussions-" + tag, first.getString("slug"));
        assertNotEquals(first.getString("slug"), second.getString("slug"));
        assertNotEquals(first.getString("id"), second.getString("id"));
        given().when().get(EVENTS + "/" + second.getString("slug"))
                .then().statusCode(200).body("id", equalTo(second.getString("id")));
    }

    @Test
    void replacesAnEventSoFieldsLeftOutReturnToDefaultsAndTheSlugStays() {
        String topic = uniqueTag();
        Map<String, Object> full = minimalEvent(topic);
        full.put("subtitle", "Old subtitle");
        full.put("summary", "Old summary");
        full.put("status", "CANCELLED");
        full.put("format", "ONLINE");
        full.put("publicationStatus", "PUBLISHED");
        full.put("venue", Map.of("name", "Old hall", "city", "Belgrade", "country", "RS"));
        full.put("language", "en");
        full.put("series", "Old series " + topic);
        JsonPath created = createEvent(full);
        String id = created.getString("id");

        Map<String, Object> replacement = minimalEvent(topic);
        replacement.put("title", "Replaced " + topic);
        replacement.put("type", "PANEL");

        given().contentType(ContentType.JSON).body(replacement)
                .when().put(EVENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", not(emptyOrNullString()))
                .body("id", equalTo(id))
                .body("slug", equalTo(created.getString("slug")))
                .body("title", equalTo("Replaced " + topic))
                .body("type", equalTo("PANEL"))
                .body("subtitle", nullValue())
                .body("summary", nullValue())
                .body("status", equalTo("SCHEDULED"))
                .body("format", equalTo("IN_PERSON"))
                .body("venue", nullValue())
                .body("language", nullValue())
                .body("series", nullValue());

        given().when().get(EVENTS + "/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Replaced " + topic))
                .body("status", equalTo("SCHEDULED"))
                .body("subtitle", nullValue())
                .body("venue.city", nullValue());
    }

    @Test
    void patchesWithAMergePatchSettingClearingAndMergingTheVenue() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("subtitle", "To be cleared");
        body.put("summary", "Stays");
        body.put("venue", Map.of("name", "Palace of Serbia", "city", "Belgrade", "country", "RS"));
        String id = createEvent(body).getString("id");

        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("status", "POSTPONED");
        patch.put("subtitle", null);
        patch.put("venue", Map.of("city", "Novi Sad"));

        given().contentType(MERGE_PATCH_JSON).body(patch)
                .when().patch(EVENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", not(emptyOrNullString()))
                .body("status", equalTo("POSTPONED"))
                .body("subtitle", nullValue())
                .body("summary", equalTo("Stays"))
                .body("title", equalTo(body.get("title")))
                .body("venue.name", equalTo("Palace of Serbia"))
                .body("venue.city", equalTo("Novi Sad"))
                .body("venue.country", equalTo("RS"));

        given().when().get(EVENTS + "/" + id)
                .then().statusCode(200)
                .body("status", equalTo("POSTPONED"))
                .body("subtitle", nullValue())
                .body("venue.city", equalTo("Novi Sad"))
                .body("venue.name", equalTo("Palace of Serbia"));
    }

    @Test
    void deletesAnEventSoItIsGone() {
        String id = createEvent(uniqueTag()).getString("id");

        given().when().delete(EVENTS + "/" + id).then().statusCode(204);

        given().when().get(EVENTS + "/" + id).then().spec(problem(404));
    }

    @Test
    void refusesToDeleteAnEventThatHasSessions() {
        String topic = uniqueTag();
        JsonPath parent = createEvent(topic);
        Map<String, Object> session = minimalEvent(topic);
        session.put("parentEvent", parent.getString("id"));
        JsonPath child = createEvent(session);
        assertEquals(parent.getString("id"), child.getString("parentEvent"));

        given().when().delete(EVENTS + "/" + parent.getString("id")).then().spec(problem(409));

        given().when().get(EVENTS + "/" + parent.getString("id")).then().statusCode(200);
        given().when().get(EVENTS + "/" + child.getString("id")).then().statusCode(200)
                .body("parentEvent", equalTo(parent.getString("id")));
    }

    @Test
    void acceptsAFetchedEventSentBackWithPut() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("summary", "Round trip");
        body.put("venue", Map.of("name", "Palace of Serbia", "city", "Belgrade", "country", "RS"));
        String id = createEvent(body).getString("id");
        Map<String, Object> fetched = given().when().get(EVENTS + "/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
        fetched.put("summary", "Changed on the round trip");

        given().contentType(ContentType.JSON).body(fetched).when().put(EVENTS + "/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("slug", equalTo(fetched.get("slug")))
                .body("summary", equalTo("Changed on the round trip"))
                .body("venue.city", equalTo("Belgrade"))
                .body("startsAt", equalTo(fetched.get("startsAt")));
    }

    @Test
    void answersNotFoundForWritesToAnUnknownEvent() {
        String path = EVENTS + "/no-such-event-" + uniqueTag();

        given().contentType(ContentType.JSON).body(minimalEvent(uniqueTag())).when().put(path).then().spec(problem(404));
        given().contentType(MERGE_PATCH_JSON).body(Map.of("status", "CANCELLED")).when().patch(path).then().spec(problem(404));
        given().when().delete(path).then().spec(problem(404));
    }

    @Test
    void refusesToMakeAnEventASessionOfItself() {
        String topic = uniqueTag();
        String id = createEvent(topic).getString("id");

        given().contentType(MERGE_PATCH_JSON).body(Map.of("parentEvent", id)).when().patch(EVENTS + "/" + id)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/parentEvent"));
        given().when().get(EVENTS + "/" + id).then().statusCode(200).body("parentEvent", nullValue());
    }

    @Test
    void refusesASessionOfAnUnknownEvent() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("parentEvent", "no-such-event-" + topic);

        given().contentType(ContentType.JSON).body(body).when().post(EVENTS)
                .then().spec(problem(422)).body("errors.pointer", hasItem("/parentEvent"));
        assertEquals(0, countWithTopic(topic));
    }

    @Test
    void refusesAnUnknownQueryParameterOnASingleEvent() {
        String id = createEvent(uniqueTag()).getString("id");

        given().queryParam("fields", "title").when().get(EVENTS + "/" + id)
                .then().spec(problem(400)).body("errors.pointer", hasItem("fields"));
    }

    @Test
    void changesTheSlugOnlyWhenAskedAndRefusesATakenOne() {
        String topic = uniqueTag();
        JsonPath first = createEvent(topic);
        JsonPath second = createEvent(topic);

        given().contentType(MERGE_PATCH_JSON).body(Map.of("slug", "renamed-" + topic)).when().patch(EVENTS + "/" + first.getString("id"))
                .then().statusCode(200).body("slug", equalTo("renamed-" + topic));
        given().contentType(MERGE_PATCH_JSON).body(Map.of("slug", "renamed-" + topic)).when().patch(EVENTS + "/" + second.getString("id"))
                .then().spec(problem(409));

        given().when().get(EVENTS + "/renamed-" + topic).then().statusCode(200).body("id", equalTo(first.getString("id")));
        given().when().get(EVENTS + "/" + second.getString("id")).then().statusCode(200).body("slug", equalTo(second.getString("slug")));
    }

    @Test
    void keepsATitleWithLettersOfEveryScriptIntact() {
        String tag = uniqueTag();
        Map<String, Object> body = minimalEvent(tag);
        body.put("title", "Ђорђевић Đorđević 🎤 " + tag);

        JsonPath created = createEvent(body);

        given().when().get(EVENTS + "/" + created.getString("id"))
                .then().statusCode(200)
                .body("title", equalTo("Ђорђевић Đorđević 🎤 " + tag))
                .body("slug", equalTo(created.getString("slug")));
        given().when().get(EVENTS + "/" + created.getString("slug")).then().statusCode(200);
    }
}
