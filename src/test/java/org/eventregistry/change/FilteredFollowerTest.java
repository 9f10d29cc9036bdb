package org.eventregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.change.PublicChanges.CHANGES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A follower of some kinds of change moves on past the changes it filtered out: an empty filtered page still
 * advances its cursor to the head, so it never reads those changes again, filtered or not.
 */
@QuarkusTest
class FilteredFollowerTest {

    @Test
    void aPageWithNothingOfTheFollowedKindStillMovesTheCursorPastTheOtherChanges() {
        String c0 = anonymous().queryParam("after", "now").queryParam("type", "publication").get(CHANGES)
                .then().statusCode(200).extract().path("nextCursor");
        String topic = uniqueTag();
        Set<String> events = Set.of(createEvent(topic).getString("id"), createEvent(topic).getString("id"),
                createEvent(topic).getString("id"));

        JsonPath filtered = anonymous().queryParam("after", c0).queryParam("type", "publication").get(CHANGES)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), filtered.getList("items"), "publication changes after c0");
        assertFalse(filtered.getBoolean("more"));
        String next = filtered.getString("nextCursor");
        assertNotEquals(c0, next, "the filtered follower's cursor stayed behind the events it skipped");

        List<Map<String, Object>> after = PublicChanges.follow(next).items();
        List<Map<String, Object>> again = after.stream().filter(c -> events.contains((String) c.get("id"))).toList();
        assertEquals(List.of(), again, "changes the filtered follower already passed come again");
    }
}
