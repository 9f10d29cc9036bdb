package org.eventregistry.change;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.eventregistry.RegistryApi.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change stream as an anonymous partner follows it: a cursor at the head, then every page to the end. */
public final class PublicChanges {

    public static final String CHANGES = "/api/v1/changes";

    private PublicChanges() {
    }

    /** What a follower read: the changes in stream order, the raw text of every page, and the cursor it ended at. */
    public record Followed(List<Map<String, Object>> items, String rawText, String cursor) {

        /** The changes about one record (a line-up is keyed by its event's id). */
        public List<Map<String, Object>> about(String kind, String id) {
            return items.stream().filter(c -> kind.equals(c.get("kind")) && id.equals(c.get("id"))).toList();
        }

        /** The changes with this id or this slug, whatever their kind. */
        public List<Map<String, Object>> mentioning(String id, String slug) {
            return items.stream().filter(c -> Objects.equals(id, c.get("id")) || Objects.equals(slug, c.get("slug"))).toList();
        }

        /** The operations of the changes about one record, in stream order. */
        public List<String> operations(String kind, String id) {
            return about(kind, id).stream().map(c -> (String) c.get("operation")).toList();
        }
    }

    /** A cursor at the current end of the public stream, taken anonymously with after=now. */
    public static String head() {
        return anonymous().queryParam("after", "now").get(CHANGES).then().statusCode(200).extract().path("nextCursor");
    }

    /** Every public change after {@code cursor}, following nextCursor until {@code more} is false. */
    public static Followed follow(String cursor) {
        List<Map<String, Object>> all = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        boolean more;
        int pages = 0;
        do {
            Response response = anonymous().queryParam("after", cursor).queryParam("limit", 50).get(CHANGES);
            assertEquals(200, response.statusCode(), "the change stream answered " + response.asString());
            String text = response.asString();
            raw.append(text).append('\n');
            JsonPath page = new JsonPath(text);
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            more = page.getBoolean("more");
            assertTrue(++pages < 1000, "the change stream never ends");
        } while (more);
        return new Followed(all, raw.toString(), cursor);
    }
}
