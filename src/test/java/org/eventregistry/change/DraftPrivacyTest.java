package org.eventregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.change.Writes.PUBLICATIONS;
import static org.eventregistry.change.Writes.addToLineup;
import static org.eventregistry.change.Writes.createPublication;
import static org.eventregistry.change.Writes.patch;
import static org.eventregistry.change.Writes.publication;
import static org.eventregistry.change.Writes.speaker;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A draft is invisible to the public everywhere, the change stream included: a partner following the
 * stream learns of a record when it is published (CREATE), forgets it when it goes back to draft or is
 * deleted (DELETE), and never hears of a draft that was never published.
 */
@QuarkusTest
class DraftPrivacyTest {

    private static String draftEvent(String slug, String topic) {
        Map<String, Object> body = event("Draft " + topic, topic, "DRAFT");
        body.put("slug", slug);
        return createEvent(body).getString("id");
    }

    private static String draftPublication(String slug, String topic, List<String> authors) {
        Map<String, Object> body = publication(topic, "DRAFT", authors);
        body.put("slug", slug);
        return createPublication(body).getString("id");
    }

    private static void assertNoTrace(PublicChanges.Followed followed, String id, String slug) {
        assertEquals(List.of(), followed.mentioning(id, slug), "the public change stream shows the draft");
        assertFalse(followed.rawText().contains(slug), "the public change stream mentions the draft's slug " + slug);
        assertFalse(followed.rawText().contains(id), "the public change stream mentions the draft's id " + id);
    }

    @Test
    void creatingEditingAndLiningUpADraftEventLeavesNoTraceInThePublicChangeStream() {
        String cursor = PublicChanges.head();
        String topic = uniqueTag();
        String slug = "draft-" + topic;
        String id = draftEvent(slug, topic);
        patch(EVENTS + "/" + id, Map.of("title", "Still a draft " + topic));
        String first = speaker("Draft", "Moderator" + topic).getString("id");
        String second = speaker("Draft", "Panelist" + topic).getString("id");
        String place = addToLineup(id, first, "MODERATOR").getString("id");
        patch(EVENTS + "/" + id + "/speakers/" + place, Map.of("sessionTitle", "Opening " + topic));
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("speaker", second, "role", "PANELIST"), Map.of("speaker", first, "role", "MODERATOR")))
                .put(EVENTS + "/" + id + "/speakers").then().statusCode(200);

        assertNoTrace(PublicChanges.follow(cursor), id, slug);
    }

    @Test
    void publishingADraftEventIsACreateAndUnpublishingItIsADelete() {
        String cursor = PublicChanges.head();
        String topic = uniqueTag();
        String id = draftEvent("draft-" + topic, topic);
        patch(EVENTS + "/" + id, Map.of("title", "Drafted twice " + topic));
        patch(EVENTS + "/" + id, Map.of("publicationStatus", "PUBLISHED"));
        patch(EVENTS + "/" + id, Map.of("publicationStatus", "DRAFT"));
        patch(EVENTS + "/" + id, Map.of("title", "Edited back in draft " + topic));

        List<Map<String, Object>> changes = PublicChanges.follow(cursor).about("event", id);
        assertEquals(List.of("CREATE", "DELETE"), changes.stream().map(c -> c.get("operation")).toList(), "changes: " + changes);
        Map<?, ?> published = (Map<?, ?>) changes.get(0).get("record");
        assertNotNull(published, "a published record is shown in full");
        assertEquals("PUBLISHED", published.get("publicationStatus"));
        assertEquals("Drafted twice " + topic, published.get("title"));
        assertNull(changes.get(1).get("record"), "going back to draft is a tombstone");
    }

    @Test
    void deletingAPublishedEventIsADeleteAndDeletingANeverPublishedDraftLeavesNoEntry() {
        String cursor = PublicChanges.head();
        String topic = uniqueTag();
        String seen = draftEvent("draft-seen-" + topic, topic);
        patch(EVENTS + "/" + seen, Map.of("publicationStatus", "PUBLISHED"));
        given().delete(EVENTS + "/" + seen).then().statusCode(204);
        String neverSeenSlug = "draft-unseen-" + topic;
        String neverSeen = draftEvent(neverSeenSlug, topic);
        given().delete(EVENTS + "/" + neverSeen).then().statusCode(204);

        PublicChanges.Followed followed = PublicChanges.follow(cursor);
        List<Map<String, Object>> changes = followed.about("event", seen);
        assertEquals(List.of("CREATE", "DELETE"), changes.stream().map(c -> c.get("operation")).toList(), "changes: " + changes);
        assertNotNull(changes.get(0).get("record"));
        assertNull(changes.get(1).get("record"));
        assertNoTrace(followed, neverSeen, neverSeenSlug);
    }

    @Test
    void creatingEditingAndRenamingTheAuthorOfADraftPublicationLeavesNoTraceInThePublicChangeStream() {
        String cursor = PublicChanges.head();
        String topic = uniqueTag();
        String slug = "draft-essay-" + topic;
        String author = speaker("Draft", "Author" + topic).getString("id");
        String related = createEvent(topic).getString("id");
        String id = draftPublication(slug, topic, List.of(author));
        patch(PUBLICATIONS + "/" + id, Map.of("title", "Still a draft essay " + topic, "relatedEvents", List.of(related)));
        patch("/api/v1/speakers/" + author, Map.of("familyName", "Renamed" + topic));
        patch(EVENTS + "/" + related, Map.of("title", "Renamed event " + topic));

        assertNoTrace(PublicChanges.follow(cursor), id, slug);
    }

    @Test
    void publishingADraftPublicationIsACreateUnpublishingItADeleteAndDeletingANeverPublishedOneLeavesNoEntry() {
        String cursor = PublicChanges.head();
        String topic = uniqueTag();
        String unpublished = draftPublication("draft-essay-a-" + topic, topic, List.of());
        patch(PUBLICATIONS + "/" + unpublished, Map.of("title", "Ready " + topic));
        patch(PUBLICATIONS + "/" + unpublished, Map.of("publicationStatus", "PUBLISHED"));
        patch(PUBLICATIONS + "/" + unpublished, Map.of("publicationStatus", "DRAFT"));
        String deleted = draftPublication("draft-essay-b-" + topic, topic, List.of());
        patch(PUBLICATIONS + "/" + deleted, Map.of("publicationStatus", "PUBLISHED"));
        given().delete(PUBLICATIONS + "/" + deleted).then().statusCode(204);
        String neverSeenSlug = "draft-essay-c-" + topic;
        String neverSeen = draftPublication(neverSeenSlug, topic, List.of());
        given().delete(PUBLICATIONS + "/" + neverSeen).then().statusCode(204);

        PublicChanges.Followed followed = PublicChanges.follow(cursor);
        for (String id : List.of(unpublished, deleted)) {
            List<Map<String, Object>> changes = followed.about("publication", id);
            assertEquals(List.of("CREATE", "DELETE"), changes.stream().map(c -> c.get("operation")).toList(), "changes: " + changes);
            Map<?, ?> published = (Map<?, ?>) changes.get(0).get("record");
            assertNotNull(published, "a published record is shown in full");
            assertEquals("PUBLISHED", published.get("publicationStatus"));
            assertNull(changes.get(1).get("record"));
        }
        assertEquals("Ready " + topic, ((Map<?, ?>) followed.about("publication", unpublished).get(0).get("record")).get("title"));
        assertNoTrace(followed, neverSeen, neverSeenSlug);
    }

    /** A draft parent event and a published session of it, both tagged with {@code topic}. */
    private record Session(String parent, String parentSlug, String session) {

        static Session of(String topic) {
            String parentSlug = "draft-parent-" + topic;
            String parent = draftEvent(parentSlug, topic);
            Map<String, Object> body = event("Session " + topic, topic, "PUBLISHED");
            body.put("parentEvent", parent);
            return new Session(parent, parentSlug, createEvent(body).getString("id"));
        }
    }

    @Test
    void aPublishedSessionOfADraftEventShowsNoParentToThePublicButItsParentToStaff() {
        String topic = uniqueTag();
        Session s = Session.of(topic);

        anonymous().get(EVENTS + "/" + s.session()).then().statusCode(200).body("parentEvent", nullValue());
        given().get(EVENTS + "/" + s.session()).then().statusCode(200).body("parentEvent", equalTo(s.parent()));
        anonymous().queryParam("topic", topic).get(EVENTS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(s.session())).body("items[0].parentEvent", nullValue());
    }

    @Test
    void listingTheSessionsOfADraftEventAnswersThePublicAsForAnUnknownEvent() {
        String topic = uniqueTag();
        Session s = Session.of(topic);

        Response unknown = anonymous().queryParam("parent", "no-such-parent-" + topic).get(EVENTS);
        for (String ref : List.of(s.parentSlug(), s.parent())) {
            Response draft = anonymous().queryParam("parent", ref).get(EVENTS);
            assertEquals(unknown.statusCode(), draft.statusCode(), "?parent=" + ref + " answered " + draft.asString());
            if (unknown.statusCode() == 200) {
                assertEquals(unknown.jsonPath().getList("items"), draft.jsonPath().getList("items"), "?parent=" + ref);
                assertEquals((Object) unknown.jsonPath().get("total"), draft.jsonPath().get("total"), "?parent=" + ref);
            }
        }
    }

    @Test
    void thePublicChangeStreamShowsAPublishedSessionWithoutItsDraftParent() {
        String cursor = PublicChanges.head();
        Session s = Session.of(uniqueTag());

        PublicChanges.Followed followed = PublicChanges.follow(cursor);
        List<Map<String, Object>> changes = followed.about("event", s.session());
        assertEquals(List.of("CREATE"), changes.stream().map(c -> c.get("operation")).toList());
        assertNull(((Map<?, ?>) changes.get(0).get("record")).get("parentEvent"), "the stream names the draft parent");
        assertNoTrace(followed, s.parent(), s.parentSlug());
    }
}
