package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.idsWithTopic;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events list: page size, total, sorting and every filter, each scoped to the test's own topic. */
@QuarkusTest
class EventListTest {

    private static String create(String topic, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = minimalEvent(topic);
        change.accept(body);
        return createEvent(body).getString("id");
    }

    private static String createBetween(String topic, Object startsAt, Object endsAt) {
        return create(topic, b -> {
            b.put("startsAt", startsAt.toString());
            b.put("endsAt", endsAt.toString());
        });
    }

    private static RequestSpecification withTopic(String topic) {
        return given().queryParam("topic", topic).queryParam("limit", 100);
    }

    private static Set<String> idsOf(RequestSpecification request) {
        return Set.copyOf(request.when().get(EVENTS).then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
    }

    private static JsonPath read(String id) {
        return given().when().get(EVENTS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    // ---- page size and total ----

    @Test
    void answersTwentyEventsByDefaultWithTheTotalAndANextCursor() {
        String topic = uniqueTag();
        for (int i = 0; i < 21; i++) {
            createEvent(topic);
        }

        given().queryParam("topic", topic).when().get(EVENTS)
                .then().statusCode(200)
                .body("items", hasSize(20))
                .body("limit", equalTo(20))
                .body("total", equalTo(21))
                .body("totalExact", equalTo(true))
                .body("nextCursor", notNullValue());
    }

    @Test
    void answersAsManyEventsAsTheLimitAsksAndTheTotalOfAllMatches() {
        String topic = uniqueTag();
        for (int i = 0; i < 3; i++) {
            createEvent(topic);
        }

        given().queryParam("topic", topic).queryParam("limit", 1).when().get(EVENTS)
                .then().statusCode(200).body("items", hasSize(1)).body("limit", equalTo(1)).body("total", equalTo(3));
        given().queryParam("topic", topic).queryParam("limit", 2).when().get(EVENTS)
                .then().statusCode(200).body("items", hasSize(2)).body("total", equalTo(3)).body("nextCursor", notNullValue());
        given().queryParam("topic", topic).queryParam("limit", 100).when().get(EVENTS)
                .then().statusCode(200).body("items", hasSize(3)).body("limit", equalTo(100)).body("total", equalTo(3))
                .body("nextCursor", nullValue());
    }

    @Test
    void refusesALimitOutsideOneToHundred() {
        for (String limit : List.of("0", "101", "abc", "-1", "1.5")) {
            given().queryParam("limit", limit).when().get(EVENTS)
                    .then().spec(problem(400)).body("errors.pointer", hasItem("limit"));
        }
    }

    // ---- sorting ----

    @Test
    void sortsOnEveryOfferedKeyInBothDirections() {
        String topic = uniqueTag();
        String c = create(topic, b -> {
            b.put("title", "Bravo " + topic);
            b.put("startsAt", "2031-01-03T10:00:00Z");
            b.put("endsAt", "2031-01-04T10:00:00Z");
        });
        String a = create(topic, b -> {
            b.put("title", "Charlie " + topic);
            b.put("startsAt", "2031-01-01T10:00:00Z");
            b.put("endsAt", "2031-01-05T10:00:00Z");
        });
        String bId = create(topic, b -> {
            b.put("title", "Alpha " + topic);
            b.put("startsAt", "2031-01-02T10:00:00Z");
            b.put("endsAt", "2031-01-03T10:00:00Z");
        });
        given().contentType(MERGE_PATCH_JSON).body(Map.of("summary", "touched")).when().patch(EVENTS + "/" + a)
                .then().statusCode(200);
        List<JsonPath> events = List.of(read(a), read(bId), read(c));

        Map<String, Comparator<JsonPath>> keys = Map.of(
                "startsAt", Comparator.comparing(e -> OffsetDateTime.parse(e.getString("startsAt")).toInstant()),
                "endsAt", Comparator.comparing(e -> OffsetDateTime.parse(e.getString("endsAt")).toInstant()),
                "title", Comparator.comparing(e -> e.getString("title")),
                "createdAt", Comparator.comparing(e -> Instant.parse(e.getString("createdAt"))),
                "updatedAt", Comparator.comparing(e -> Instant.parse(e.getString("updatedAt"))));
        List<String> byStart = idsWithTopic(topic, "startsAt");
        for (Map.Entry<String, Comparator<JsonPath>> key : keys.entrySet()) {
            List<String> expected = events.stream().sorted(key.getValue()).map(e -> e.getString("id")).toList();
            List<String> expectedDescending = events.stream().sorted(key.getValue().reversed()).map(e -> e.getString("id")).toList();

            assertEquals(expected, idsWithTopic(topic, key.getKey()), "sort=" + key.getKey());
            assertEquals(expectedDescending, idsWithTopic(topic, "-" + key.getKey()), "sort=-" + key.getKey());
            if (!key.getKey().equals("startsAt")) {
                assertNotEquals(byStart, expected, "the data must tell sort=" + key.getKey() + " from the default");
            }
        }
    }

    @Test
    void sortsOnSeveralKeysInTurn() {
        String topic = uniqueTag();
        String earlyB = create(topic, b -> {
            b.put("title", "Bravo " + topic);
            b.put("startsAt", "2031-03-01T10:00:00Z");
            b.put("endsAt", "2031-03-01T12:00:00Z");
        });
        String earlyA = create(topic, b -> {
            b.put("title", "Alpha " + topic);
            b.put("startsAt", "2031-03-01T10:00:00Z");
            b.put("endsAt", "2031-03-01T12:00:00Z");
        });
        String late = create(topic, b -> {
            b.put("title", "Charlie " + topic);
            b.put("startsAt", "2031-03-02T10:00:00Z");
            b.put("endsAt", "2031-03-02T12:00:00Z");
        });

        assertEquals(List.of(earlyB, earlyA, late), idsWithTopic(topic, "startsAt,-title"));
        assertEquals(List.of(earlyA, earlyB, late), idsWithTopic(topic, "startsAt,title"));
        assertEquals(List.of(late, earlyA, earlyB), idsWithTopic(topic, "-startsAt,title"));
    }

    @Test
    void sortsByStartByDefault() {
        String topic = uniqueTag();
        String late = createBetween(topic, "2031-02-03T10:00:00Z", "2031-02-03T11:00:00Z");
        String early = createBetween(topic, "2031-02-01T10:00:00Z", "2031-02-01T11:00:00Z");
        String middle = createBetween(topic, "2031-02-02T10:00:00Z", "2031-02-02T11:00:00Z");

        List<String> ids = given().queryParam("topic", topic).when().get(EVENTS)
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);

        assertEquals(List.of(early, middle, late), ids);
    }

    @Test
    void refusesASortOnAnUnknownOrRepeatedKey() {
        for (String sort : List.of("colour", "-colour", "startsAt,colour", "id", "startsAt,-startsAt", "startsAt,")) {
            given().queryParam("sort", sort).when().get(EVENTS)
                    .then().spec(problem(400)).body("errors.pointer", hasItem("sort"));
        }
    }

    // ---- the date range ----

    @Test
    void listsEventsRunningDuringTheRangeIncludingOnesAlreadyInProgress() {
        String topic = uniqueTag();
        String inProgress = createBetween(topic, "2032-03-01T10:00:00Z", "2032-03-03T10:00:00Z");
        String inside = createBetween(topic, "2032-03-02T12:00:00Z", "2032-03-02T13:00:00Z");
        String spanning = createBetween(topic, "2032-02-01T10:00:00Z", "2032-04-01T10:00:00Z");
        createBetween(topic, "2032-02-01T10:00:00Z", "2032-02-02T10:00:00Z");
        createBetween(topic, "2032-03-05T10:00:00Z", "2032-03-06T10:00:00Z");

        Set<String> ids = idsOf(withTopic(topic).queryParam("from", "2032-03-02T00:00:00Z").queryParam("to", "2032-03-02T23:00:00Z"));

        assertEquals(Set.of(inProgress, inside, spanning), ids);
    }

    @Test
    void findsAnEventInProgressThatWasMadeLongerThanAnyOtherAfterItWasCreated() {
        String topic = uniqueTag();
        String grown = createBetween(topic, "1990-03-01T10:00:00Z", "1990-03-01T11:00:00Z");
        given().contentType(MERGE_PATCH_JSON).body(Map.of("endsAt", "2998-03-01T10:00:00Z")).when().patch(EVENTS + "/" + grown)
                .then().statusCode(200);

        assertEquals(Set.of(grown), idsOf(withTopic(topic).queryParam("from", "2500-01-01")));
        assertEquals(Set.of(grown), idsOf(withTopic(topic).queryParam("from", "now").queryParam("sort", "-startsAt")));
    }

    @Test
    void findsEventsFromAnyDateWhileAnEventSpansTheWholeCalendar() {
        String topic = uniqueTag();
        String everything = createBetween(topic, "0001-01-01T00:00:00Z", "9999-12-31T00:00:00Z");

        assertEquals(Set.of(everything), idsOf(withTopic(topic).queryParam("from", "0001-01-02")));
        assertEquals(Set.of(everything), idsOf(withTopic(topic).queryParam("from", "5000-01-01").queryParam("to", "5000-01-02")));
    }

    @Test
    void readsDatesAsWholeDaysAndAcceptsOneSidedRanges() {
        String topic = uniqueTag();
        String march2 = createBetween(topic, "2032-03-02T10:00:00Z", "2032-03-02T11:00:00Z");
        String march3 = createBetween(topic, "2032-03-03T22:00:00Z", "2032-03-03T23:00:00Z");
        String march5 = createBetween(topic, "2032-03-05T10:00:00Z", "2032-03-05T11:00:00Z");

        assertEquals(Set.of(march3, march5), idsOf(withTopic(topic).queryParam("from", "2032-03-03")));
        assertEquals(Set.of(march2, march3), idsOf(withTopic(topic).queryParam("to", "2032-03-03")));
        assertEquals(Set.of(march3), idsOf(withTopic(topic).queryParam("from", "2032-03-03").queryParam("to", "2032-03-03")));
    }

    @Test
    void acceptsNowAsTheStartOfTheRange() {
        String topic = uniqueTag();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String running = createBetween(topic, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS));
        String coming = createBetween(topic, now.plus(5, ChronoUnit.DAYS), now.plus(6, ChronoUnit.DAYS));
        createBetween(topic, now.minus(10, ChronoUnit.DAYS), now.minus(9, ChronoUnit.DAYS));

        assertEquals(Set.of(running, coming), idsOf(withTopic(topic).queryParam("from", "now")));
    }

    @Test
    void acceptsTodayAsTheStartOfTheRange() {
        String topic = uniqueTag();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String running = createBetween(topic, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS));
        String coming = createBetween(topic, now.plus(5, ChronoUnit.DAYS), now.plus(6, ChronoUnit.DAYS));
        createBetween(topic, now.minus(3, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS));

        assertEquals(Set.of(running, coming), idsOf(withTopic(topic).queryParam("from", "today")));
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        given().queryParam("from", "2032-03-05T00:00:00Z").queryParam("to", "2032-03-01T00:00:00Z").when().get(EVENTS)
                .then().spec(problem(400)).body("errors.pointer", hasItem("to"));
    }

    @Test
    void refusesADateBoundItCannotRead() {
        for (String bound : List.of("yesterday", "2032-13-01", "05.06.2025")) {
            given().queryParam("from", bound).when().get(EVENTS)
                    .then().spec(problem(400)).body("errors.pointer", hasItem("from"));
        }
    }

    // ---- the other filters ----

    @Test
    void filtersByTypeWithRepeatedValuesOred() {
        String topic = uniqueTag();
        String lecture = create(topic, b -> b.put("type", "LECTURE"));
        String panel = create(topic, b -> b.put("type", "PANEL"));
        create(topic, b -> b.put("type", "WORKSHOP"));

        assertEquals(Set.of(lecture, panel), idsOf(withTopic(topic).queryParam("type", "LECTURE", "PANEL")));
        assertEquals(Set.of(panel), idsOf(withTopic(topic).queryParam("type", "PANEL")));
    }

    @Test
    void filtersByStatus() {
        String topic = uniqueTag();
        String cancelled = create(topic, b -> b.put("status", "CANCELLED"));
        String postponed = create(topic, b -> b.put("status", "POSTPONED"));
        create(topic, b -> b.put("status", "SCHEDULED"));

        assertEquals(Set.of(cancelled), idsOf(withTopic(topic).queryParam("status", "CANCELLED")));
        assertEquals(Set.of(cancelled, postponed), idsOf(withTopic(topic).queryParam("status", "CANCELLED", "POSTPONED")));
    }

    @Test
    void filtersByFormat() {
        String topic = uniqueTag();
        String online = create(topic, b -> b.put("format", "ONLINE"));
        String hybrid = create(topic, b -> b.put("format", "HYBRID"));
        create(topic, b -> b.put("format", "IN_PERSON"));

        assertEquals(Set.of(online), idsOf(withTopic(topic).queryParam("format", "ONLINE")));
        assertEquals(Set.of(online, hybrid), idsOf(withTopic(topic).queryParam("format", "ONLINE", "HYBRID")));
    }

    @Test
    void filtersByCountry() {
        String topic = uniqueTag();
        String serbia = create(topic, b -> b.put("venue", Map.of("city", "Belgrade", "country", "RS")));
        create(topic, b -> b.put("venue", Map.of("city", "Zagreb", "country", "HR")));

        assertEquals(Set.of(serbia), idsOf(withTopic(topic).queryParam("country", "RS")));
    }

    @Test
    void filtersByCityIgnoringCaseAndAccents() {
        String topic = uniqueTag();
        String nis = create(topic, b -> b.put("venue", Map.of("city", "Niš", "country", "RS")));
        create(topic, b -> b.put("venue", Map.of("city", "Belgrade", "country", "RS")));

        for (String city : List.of("Niš", "nis", "NIŠ", "Nis")) {
            assertEquals(Set.of(nis), idsOf(withTopic(topic).queryParam("city", city)), "city=" + city);
        }
    }

    @Test
    void filtersByTopicIgnoringCase() {
        String topic = uniqueTag();
        String other = uniqueTag();
        String tagged = createEvent(topic).getString("id");
        createEvent(other);

        assertEquals(Set.of(tagged), idsOf(given().queryParam("topic", topic.toUpperCase())));
    }

    @Test
    void filtersBySeriesNameOrSlug() {
        String topic = uniqueTag();
        String inSeries = create(topic, b -> b.put("series", "Horizons Discussions " + topic));
        create(topic, b -> b.put("series", "Other Talks " + topic));
        create(topic, b -> { });

        assertEquals(Set.of(inSeries), idsOf(withTopic(topic).queryParam("series", "Horizons Discussions " + topic)));
        assertEquals(Set.of(inSeries), idsOf(withTopic(topic).queryParam("series", "horizons-discussions-" + topic)));
    }

    @Test
    void filtersByLanguage() {
        String topic = uniqueTag();
        String serbian = create(topic, b -> b.put("language", "sr-Latn"));
        String english = create(topic, b -> b.put("language", "en"));

        assertEquals(Set.of(serbian), idsOf(withTopic(topic).queryParam("language", "sr-Latn")));
        assertEquals(Set.of(english), idsOf(withTopic(topic).queryParam("language", "en")));
    }

    @Test
    void filtersByParentIdOrSlug() {
        String topic = uniqueTag();
        JsonPath parent = createEvent(topic);
        String first = create(topic, b -> b.put("parentEvent", parent.getString("id")));
        String second = create(topic, b -> b.put("parentEvent", parent.getString("slug")));
        createEvent(topic);

        assertEquals(Set.of(first, second), idsOf(withTopic(topic).queryParam("parent", parent.getString("id"))));
        assertEquals(Set.of(first, second), idsOf(withTopic(topic).queryParam("parent", parent.getString("slug"))));
    }

    @Test
    void filtersByUpdatedSince() {
        String topic = uniqueTag();
        JsonPath older = createEvent(topic);
        JsonPath newer = createEvent(topic);
        Instant newerUpdate = Instant.parse(newer.getString("updatedAt"));
        assertTrue(Instant.parse(older.getString("updatedAt")).isBefore(newerUpdate));

        assertEquals(Set.of(newer.getString("id")), idsOf(withTopic(topic).queryParam("updatedSince", newerUpdate.toString())));

        given().contentType(MERGE_PATCH_JSON).body(Map.of("summary", "changed")).when().patch(EVENTS + "/" + older.getString("id"))
                .then().statusCode(200);
        assertEquals(Set.of(older.getString("id"), newer.getString("id")),
                idsOf(withTopic(topic).queryParam("updatedSince", newerUpdate.toString())));
    }

    @Test
    void combinesDifferentFiltersWithAnd() {
        String topic = uniqueTag();
        String lectureInSerbia = create(topic, b -> {
            b.put("type", "LECTURE");
            b.put("venue", Map.of("city", "Belgrade", "country", "RS"));
        });
        create(topic, b -> {
            b.put("type", "LECTURE");
            b.put("venue", Map.of("city", "Zagreb", "country", "HR"));
        });
        create(topic, b -> {
            b.put("type", "PANEL");
            b.put("venue", Map.of("city", "Belgrade", "country", "RS"));
        });

        assertEquals(Set.of(lectureInSerbia), idsOf(withTopic(topic).queryParam("type", "LECTURE").queryParam("country", "RS")));
        given().queryParam("topic", topic).queryParam("type", "LECTURE").queryParam("country", "RS").when().get(EVENTS)
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void refusesAnUnknownQueryParameter() {
        given().queryParam("colour", "red").when().get(EVENTS)
                .then().spec(problem(400)).body("errors.pointer", hasItem("colour"));
    }

    @Test
    void refusesASingleValuedParameterGivenTwice() {
        for (String param : List.of("limit", "sort", "from", "updatedSince")) {
            String value = param.equals("limit") ? "5" : param.equals("sort") ? "title" : "2032-03-01T00:00:00Z";
            given().queryParam(param, value, value).when().get(EVENTS)
                    .then().spec(problem(400)).body("errors.pointer", hasItem(param));
        }
    }

    @Test
    void refusesAnUnknownValueOfAnEnumFilter() {
        for (String param : List.of("type", "status", "format")) {
            given().queryParam(param, "NO_SUCH_VALUE").when().get(EVENTS)
                    .then().spec(problem(400)).body("errors.pointer", hasItem(param));
        }
    }

    @Test
    void refusesAnUnknownCountryOrAMalformedUpdatedSince() {
        given().queryParam("country", "XX").when().get(EVENTS)
                .then().spec(problem(400)).body("errors.pointer", hasItem("country"));
        given().queryParam("updatedSince", "last week").when().get(EVENTS)
                .then().spec(problem(400)).body("errors.pointer", hasItem("updatedSince"));
    }

    @Test
    void answersAnEmptyPageWhenNothingMatches() {
        given().queryParam("topic", uniqueTag()).when().get(EVENTS)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items", hasSize(0)).body("total", equalTo(0)).body("nextCursor", nullValue());
    }
}
