package org.eventregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.change.Writes.PUBLICATIONS;
import static org.eventregistry.change.Writes.SPEAKERS;
import static org.eventregistry.change.Writes.addToLineup;
import static org.eventregistry.change.Writes.createPublication;
import static org.eventregistry.change.Writes.patch;
import static org.eventregistry.change.Writes.publication;
import static org.eventregistry.change.Writes.speaker;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A validator (ETag, Last-Modified) names exactly what the answer shows: when anything shown changes, a
 * line-up, an embedded author or event, the clock moving an event out of a list, or a write within the same
 * second, a conditional GET gets the new answer, never a 304 for a stale one.
 */
@QuarkusTest
class FreshValidatorsTest {

    private static final String LD_JSON = "application/ld+json";
    private static final String JSON = "application/json";

    /** The ETag of an anonymous GET in the given representation. */
    private static String etag(String path, String accept) {
        return anonymous().accept(accept).get(path).then().statusCode(200).header("ETag", not(emptyOrNullString()))
                .extract().header("ETag");
    }

    /** Asserts that a GET with If-None-Match naming {@code old} answers 200 with a body showing {@code expected}. */
    private static void assertFreshAnswer(String path, String accept, String old, String expected) {
        Response response = anonymous().accept(accept).header("If-None-Match", old).get(path);
        assertEquals(200, response.statusCode(), "If-None-Match with the tag from before the change answered "
                + response.statusCode() + " for " + path + " (" + accept + ")");
        assertTrue(response.asString().contains(expected), "the answer does not show '" + expected + "': " + response.asString());
        assertFalse(old.equals(response.header("ETag")), "the changed answer kept the old ETag " + old);
    }

    private static String publishedEvent(String topic) {
        return createEvent(event("Validated " + topic, topic, "PUBLISHED")).getString("id");
    }

    /** Sleeps until just after the start of the next second, so that the next few requests share one second. */
    private static void startOfASecond() throws InterruptedException {
        long now = System.currentTimeMillis();
        Thread.sleep(1000 - now % 1000 + 20);
    }

    @Test
    void eventJsonLdIsNotNotModifiedAfterASpeakerJoinsTheLineup() {
        String topic = uniqueTag();
        String event = publishedEvent(topic);
        String path = EVENTS + "/" + event;
        String old = etag(path, LD_JSON);
        String family = "Joiner" + topic;
        String speaker = speaker("Ana", family).getString("id");

        addToLineup(event, speaker, "SPEAKER");

        assertFreshAnswer(path, LD_JSON, old, "Ana " + family);
    }

    @Test
    void eventJsonLdIsNotNotModifiedAfterASpeakerInTheLineupIsRenamed() {
        String topic = uniqueTag();
        String event = publishedEvent(topic);
        String speaker = speaker("Ana", "Before" + topic).getString("id");
        addToLineup(event, speaker, "SPEAKER");
        String path = EVENTS + "/" + event;
        String old = etag(path, LD_JSON);

        patch(SPEAKERS + "/" + speaker, Map.of("familyName", "After" + topic, "displayName", "Ana After" + topic));

        assertFreshAnswer(path, LD_JSON, old, "Ana After" + topic);
    }

    private void assertPublicationFreshAfterAuthorRename(String accept) {
        String topic = uniqueTag();
        String author = speaker("Meg", "Before" + topic).getString("id");
        String publication = createPublication(publication(topic, "PUBLISHED", List.of(author))).getString("id");
        String path = PUBLICATIONS + "/" + publication;
        String old = etag(path, accept);

        patch(SPEAKERS + "/" + author, Map.of("familyName", "After" + topic, "displayName", "Meg After" + topic));

        assertFreshAnswer(path, accept, old, "Meg After" + topic);
    }

    private void assertPublicationFreshAfterRelatedEventRetitled(String accept) {
        String topic = uniqueTag();
        String event = publishedEvent(topic);
        Map<String, Object> body = publication(topic, "PUBLISHED", List.of());
        body.put("relatedEvents", List.of(event));
        String publication = createPublication(body).getString("id");
        String path = PUBLICATIONS + "/" + publication;
        String old = etag(path, accept);

        patch(EVENTS + "/" + event, Map.of("title", "Retitled " + topic));

        assertFreshAnswer(path, accept, old, "Retitled " + topic);
    }

    @Test
    void publicationJsonIsNotNotModifiedAfterItsAuthorIsRenamed() {
        assertPublicationFreshAfterAuthorRename(JSON);
    }

    @Test
    void publicationJsonLdIsNotNotModifiedAfterItsAuthorIsRenamed() {
        assertPublicationFreshAfterAuthorRename(LD_JSON);
    }

    @Test
    void publicationJsonIsNotNotModifiedAfterItsRelatedEventIsRetitled() {
        assertPublicationFreshAfterRelatedEventRetitled(JSON);
    }

    @Test
    void publicationJsonLdIsNotNotModifiedAfterItsRelatedEventIsRetitled() {
        assertPublicationFreshAfterRelatedEventRetitled(LD_JSON);
    }

    @Test
    void aListOfCurrentEventsIsNotNotModifiedOnceAnEventInItHasEnded() throws InterruptedException {
        String topic = uniqueTag();
        Instant endsAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = event("Ending soon " + topic, topic, "PUBLISHED");
        body.put("startsAt", endsAt.minus(1, ChronoUnit.HOURS).toString());
        body.put("endsAt", endsAt.toString());
        body.put("timeZone", "UTC");
        String id = createEvent(body).getString("id");
        Response before = anonymous().queryParam("from", "now").queryParam("topic", topic).get(EVENTS);
        before.then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        String old = before.header("ETag");
        assertNotNull(old, "the list has no ETag");

        Thread.sleep(Math.max(0, endsAt.toEpochMilli() - System.currentTimeMillis()) + 1500);

        Response after = anonymous().queryParam("from", "now").queryParam("topic", topic).header("If-None-Match", old).get(EVENTS);
        assertEquals(200, after.statusCode(), "If-None-Match with the tag from before the event ended answered " + after.statusCode());
        after.then().body("total", equalTo(0)).body("items.id", not(hasItem(id)));
    }

    @Test
    void aListIsNotNotModifiedSinceItsLastModifiedWhenAnEventIsAddedWithinTheSameSecond() throws InterruptedException {
        String topic = uniqueTag();
        startOfASecond();
        publishedEvent(topic);
        Response first = anonymous().queryParam("topic", topic).get(EVENTS);
        first.then().statusCode(200).body("total", equalTo(1));
        String lastModified = first.header("Last-Modified");
        assertNotNull(lastModified, "the list has no Last-Modified");

        publishedEvent(topic);

        Response second = anonymous().queryParam("topic", topic).header("If-Modified-Since", lastModified).get(EVENTS);
        assertEquals(200, second.statusCode(), "If-Modified-Since " + lastModified + " hid an event added since");
        second.then().body("total", equalTo(2)).body("items.size()", equalTo(2));
    }

    @Test
    void aRecordIsNotNotModifiedSinceItsLastModifiedWhenPatchedWithinTheSameSecond() throws InterruptedException {
        String topic = uniqueTag();
        startOfASecond();
        String id = publishedEvent(topic);
        String path = EVENTS + "/" + id;
        String lastModified = anonymous().get(path).then().statusCode(200).header("Last-Modified", not(emptyOrNullString()))
                .extract().header("Last-Modified");

        patch(path, Map.of("subtitle", "Patched " + topic));

        Response again = anonymous().header("If-Modified-Since", lastModified).get(path);
        assertEquals(200, again.statusCode(), "If-Modified-Since " + lastModified + " hid a patch made since");
        again.then().body("subtitle", equalTo("Patched " + topic));
    }

    @Test
    void everySingleRecordAnswerSaysWhetherCachesMayShareIt() {
        String topic = uniqueTag();
        String event = publishedEvent(topic);
        String speaker = speaker("Cache", "Control" + topic).getString("id");
        String publication = createPublication(publication(topic, "PUBLISHED", List.of(speaker))).getString("id");
        List<String[]> reads = List.of(
                new String[]{EVENTS + "/" + event, JSON},
                new String[]{EVENTS + "/" + event, LD_JSON},
                new String[]{SPEAKERS + "/" + speaker, JSON},
                new String[]{PUBLICATIONS + "/" + publication, JSON},
                new String[]{PUBLICATIONS + "/" + publication, LD_JSON});
        for (String[] read : reads) {
            anonymous().accept(read[1]).get(read[0]).then().statusCode(200)
                    .header("Cache-Control", anyOf(containsString("public"), containsString("no-cache")));
            given().accept(read[1]).get(read[0]).then().statusCode(200)
                    .header("Cache-Control", containsString("private"));
        }
    }
}
