package org.eventregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.change.Writes.PUBLICATIONS;
import static org.eventregistry.change.Writes.SPEAKERS;
import static org.eventregistry.change.Writes.addToLineup;
import static org.eventregistry.change.Writes.createPublication;
import static org.eventregistry.change.Writes.patch;
import static org.eventregistry.change.Writes.publication;
import static org.eventregistry.change.Writes.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Along the change stream, each record's version only grows (a delete included), a change made through a
 * related record (an author renamed) is a new version of the record that embeds it, and time never runs backwards.
 */
@QuarkusTest
class ChangeVersionsTest {

    /** The ids the scenario wrote, and the renamed author's last name. */
    private record Scenario(String event, String moderator, String panelist, String publication, String lastName,
                            PublicChanges.Followed followed) {

        Set<String> ids() {
            return Set.of(event, moderator, panelist, publication);
        }
    }

    /**
     * A published event with a line-up built one speaker at a time, a speaker renamed, a publication by that
     * speaker, the speaker renamed again, the event changed, then the publication and the event deleted.
     */
    private static Scenario scenario() {
        String cursor = PublicChanges.head();
        String topic = uniqueTag();
        String event = createEvent(event("Versioned " + topic, topic, "PUBLISHED")).getString("id");
        String moderator = speaker("Vuk", "First" + topic).getString("id");
        String panelist = speaker("Meg", "Second" + topic).getString("id");
        addToLineup(event, moderator, "MODERATOR");
        addToLineup(event, panelist, "PANELIST");
        patch(SPEAKERS + "/" + moderator, Map.of("familyName", "Renamed" + topic, "displayName", "Vuk Renamed" + topic));
        String publication = createPublication(publication(topic, "PUBLISHED", List.of(moderator))).getString("id");
        String lastName = "Again" + topic;
        patch(SPEAKERS + "/" + moderator, Map.of("familyName", lastName, "displayName", "Vuk " + lastName));
        patch(EVENTS + "/" + event, Map.of("subtitle", "Changed " + topic));
        given().delete(PUBLICATIONS + "/" + publication).then().statusCode(204);
        given().delete(EVENTS + "/" + event).then().statusCode(204);
        return new Scenario(event, moderator, panelist, publication, lastName, PublicChanges.follow(cursor));
    }

    @Test
    void eachRecordsVersionStrictlyGrowsAlongTheStreamDeletesIncluded() {
        Scenario scenario = scenario();

        Map<String, Long> last = new HashMap<>();
        Map<String, String> lastOperation = new HashMap<>();
        int checked = 0;
        for (Map<String, Object> change : scenario.followed().items()) {
            if (!scenario.ids().contains((String) change.get("id"))) {
                continue;
            }
            String key = change.get("kind") + ":" + change.get("id");
            long version = ((Number) change.get("version")).longValue();
            Long before = last.get(key);
            assertTrue(before == null || version > before, key + ": " + change.get("operation") + " has version " + version
                    + " after " + lastOperation.get(key) + " with version " + before);
            last.put(key, version);
            lastOperation.put(key, change.get("operation") + "");
            checked++;
        }
        assertTrue(last.containsKey("lineup:" + scenario.event()), "no line-up change in the stream");
        assertEquals("DELETE", lastOperation.get("event:" + scenario.event()));
        assertEquals("DELETE", lastOperation.get("publication:" + scenario.publication()));
        assertTrue(checked >= 10, "too few changes about the scenario: " + checked);
    }

    @Test
    void renamingAnAuthorIsANewVersionOfTheirPublicationInTheStream() {
        Scenario scenario = scenario();

        List<Map<String, Object>> changes = scenario.followed().about("publication", scenario.publication());
        assertEquals(List.of("CREATE", "UPDATE", "DELETE"), changes.stream().map(c -> c.get("operation")).toList(),
                "publication changes: " + changes);
        List<?> authors = (List<?>) ((Map<?, ?>) changes.get(1).get("record")).get("authors");
        assertEquals("Vuk " + scenario.lastName(), ((Map<?, ?>) authors.get(0)).get("displayName"));
        long created = ((Number) changes.get(0).get("version")).longValue();
        long updated = ((Number) changes.get(1).get("version")).longValue();
        assertTrue(updated > created, "the author's rename did not give the publication a new version: " + changes);
    }

    private static void assertTimesNeverRunBackwards(List<Map<String, Object>> changes) {
        Instant previous = Instant.MIN;
        String previousChange = "";
        assertFalse(changes.isEmpty());
        for (Map<String, Object> change : changes) {
            Instant at = Instant.parse((String) change.get("at"));
            String description = change.get("kind") + ":" + change.get("operation") + " at " + at;
            assertFalse(at.isBefore(previous), description + " comes after " + previousChange);
            previous = at;
            previousChange = description;
        }
    }

    @Test
    void timesNeverRunBackwardsAlongTheStream() {
        assertTimesNeverRunBackwards(scenario().followed().items());
    }

    @Test
    void timesNeverRunBackwardsAlongTheStreamWhenWritersCommitAtOnce() throws Exception {
        String cursor = PublicChanges.head();
        String topic = uniqueTag();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 3; i++) {
                        given().contentType(ContentType.JSON).body(minimalEvent(topic)).post(EVENTS).then().statusCode(201);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> changes = PublicChanges.follow(cursor).items();
        assertEquals(30, changes.stream().filter(c -> "event".equals(c.get("kind"))).count());
        assertTimesNeverRunBackwards(changes);
    }
}
