package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cursor paging: every event exactly once, stable while events are added, and cursors that cannot be forged or replayed. */
@QuarkusTest
class EventCursorPagingTest {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final Instant BASE = Instant.parse("2033-01-01T10:00:00Z");

    /** Creates {@code count} events with the topic; several share a start so that the id has to break ties. */
    private static List<String> createEvents(String topic, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(createAt(topic, BASE.plus(i % 6, ChronoUnit.HOURS)));
        }
        return ids;
    }

    private static String createAt(String topic, Instant start) {
        Map<String, Object> body = minimalEvent(topic);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(1, ChronoUnit.HOURS).toString());
        return createEvent(body).getString("id");
    }

    private static Response firstPage(String topic, String sort) {
        return given().queryParam("topic", topic).queryParam("limit", 7).queryParam("sort", sort).when().get(EVENTS);
    }

    private static Response nextPage(String topic, String sort, String cursor) {
        return given().queryParam("topic", topic).queryParam("limit", 7).queryParam("sort", sort).queryParam("cursor", cursor)
                .when().get(EVENTS);
    }

    private static String nextLink(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT_LINK.matcher(link);
        assertTrue(matcher.find(), "Link header without rel=\"next\": " + link);
        return matcher.group(1);
    }

    private static void assertEachOnce(List<String> expected, List<String> seen) {
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a page repeated an event: " + seen);
        for (String id : expected) {
            assertEquals(1, seen.stream().filter(id::equals).count(), "event " + id + " seen " + seen);
        }
    }

    @Test
    void followsTheNextLinkThroughEveryEventExactlyOnce() {
        String topic = uniqueTag();
        List<String> created = createEvents(topic, 25);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Response page = firstPage(topic, "startsAt");
        while (true) {
            page.then().statusCode(200);
            List<String> ids = page.jsonPath().getList("items.id", String.class);
            seen.addAll(ids);
            sizes.add(ids.size());
            String link = nextLink(page);
            String cursor = page.jsonPath().getString("nextCursor");
            if (link == null) {
                assertNull(cursor, "nextCursor without a Link header");
                break;
            }
            assertNotNull(cursor, "Link header without a nextCursor");
            assertTrue(link.contains("cursor=" + cursor), link);
            assertTrue(sizes.size() < 10, "paging does not end");
            page = given().urlEncodingEnabled(false).when().get(link);
        }

        assertEquals(List.of(7, 7, 7, 4), sizes);
        assertEquals(25, seen.size());
        assertEquals(Set.copyOf(created), Set.copyOf(seen));
        assertEachOnce(created, seen);
    }

    @Test
    void pagesInTheSortOrderMadeTotalByTheId() {
        String topic = uniqueTag();
        createEvents(topic, 25);
        List<String> all = given().queryParam("topic", topic).queryParam("limit", 100).queryParam("sort", "-startsAt")
                .when().get(EVENTS).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);

        List<String> paged = new ArrayList<>();
        Response page = firstPage(topic, "-startsAt");
        for (int guard = 0; guard < 10; guard++) {
            paged.addAll(page.then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
            String cursor = page.jsonPath().getString("nextCursor");
            if (cursor == null) {
                break;
            }
            page = nextPage(topic, "-startsAt", cursor);
        }

        assertEquals(all, paged);
    }

    @Test
    void keepsEveryEventExactlyOnceWhileEventsAreAddedBetweenPages() {
        for (String sort : List.of("startsAt", "-startsAt", "title")) {
            String topic = uniqueTag();
            List<String> created = createEvents(topic, 25);

            List<String> seen = new ArrayList<>();
            Response page = firstPage(topic, sort);
            for (int n = 0; n < 20; n++) {
                seen.addAll(page.then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
                createAt(topic, BASE.plus(30 + n, ChronoUnit.DAYS));
                createAt(topic, BASE.minus(30 + n, ChronoUnit.DAYS));
                String cursor = page.jsonPath().getString("nextCursor");
                if (cursor == null) {
                    break;
                }
                page = nextPage(topic, sort, cursor);
            }

            assertEachOnce(created, seen);
        }
    }

    @Test
    void omitsTheNextLinkOnTheLastPage() {
        String topic = uniqueTag();
        createEvents(topic, 3);

        Response page = firstPage(topic, "startsAt");

        page.then().statusCode(200);
        assertNull(page.header("Link"));
        assertNull(page.jsonPath().getString("nextCursor"));
    }

    @Test
    void refusesATamperedCursor() {
        String topic = uniqueTag();
        createEvents(topic, 10);
        String cursor = firstPage(topic, "startsAt").then().statusCode(200).extract().path("nextCursor");
        int dot = cursor.indexOf('.');
        assertTrue(dot > 2, cursor);
        int at = dot / 2;
        char changed = cursor.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = cursor.substring(0, at) + changed + cursor.substring(at + 1);
        assertNotEquals(cursor, tampered);

        nextPage(topic, "startsAt", tampered).then().spec(problem(400)).body("errors.pointer", hasItem("cursor"));
        nextPage(topic, "startsAt", "not-a-cursor").then().spec(problem(400)).body("errors.pointer", hasItem("cursor"));
        nextPage(topic, "startsAt", cursor).then().statusCode(200);
    }

    @Test
    void refusesACursorUsedWithOtherFiltersOrAnotherSort() {
        String topic = uniqueTag();
        createEvents(topic, 10);
        String cursor = firstPage(topic, "startsAt").then().statusCode(200).extract().path("nextCursor");

        given().queryParam("topic", topic).queryParam("type", "LECTURE").queryParam("limit", 7).queryParam("cursor", cursor)
                .when().get(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("cursor"));
        given().queryParam("topic", uniqueTag()).queryParam("limit", 7).queryParam("cursor", cursor)
                .when().get(EVENTS).then().spec(problem(400)).body("errors.pointer", hasItem("cursor"));
        nextPage(topic, "-startsAt", cursor).then().spec(problem(400)).body("errors.pointer", hasItem("cursor"));
    }
}
