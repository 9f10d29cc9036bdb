package org.eventregistry.publication;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages of publications sorted on publishedOn, which may be missing: following the cursors visits every
 * publication exactly once whatever the direction and page size, and the undated ones come last.
 */
@QuarkusTest
class NullSortKeyPagingTest {

    private static final String PUBLICATIONS = "/api/v1/publications";

    private static String publication(String topic, String title, String publishedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "REPORT");
        body.put("title", title + " " + topic);
        body.put("topics", List.of(topic));
        body.put("periodical", Map.of("name", "Null sort " + topic));
        if (publishedOn != null) {
            body.put("publishedOn", publishedOn);
        }
        return given().contentType(ContentType.JSON).body(body).post(PUBLICATIONS).then().statusCode(201).extract().path("id");
    }

    @ParameterizedTest(name = "sort={0}, limit={1}")
    @CsvSource({",1", ",2", "publishedOn,1", "publishedOn,2", "-publishedOn,1", "-publishedOn,2"})
    void followingTheCursorsVisitsEveryPublicationOnceWithTheUndatedOnesLast(String sort, int limit) {
        String topic = uniqueTag();
        List<String> undated = List.of(publication(topic, "Undated one", null), publication(topic, "Undated two", null),
                publication(topic, "Undated three", null));
        String dated = publication(topic, "Dated", "2022-05-17");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = anonymous().queryParam("topic", topic).queryParam("limit", limit);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get(PUBLICATIONS);
            assertEquals(200, response.statusCode(), "page " + (pages + 1) + " after " + seen + ": " + response.asString());
            JsonPath page = response.jsonPath();
            assertEquals(4, page.getInt("total"), "total on page " + (pages + 1));
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            assertTrue(++pages <= 8, "the cursors never end: " + seen);
        } while (cursor != null);

        assertEquals(4, seen.size(), "ids seen: " + seen);
        assertTrue(seen.containsAll(undated) && seen.contains(dated), "ids seen: " + seen);
        assertEquals(dated, seen.get(0), "the dated publication comes first, the undated ones last: " + seen);
    }
}
