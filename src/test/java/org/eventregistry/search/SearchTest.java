package org.eventregistry.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search as visitors and staff use it: what they type finds the right records first, whatever the accents, case,
 * alphabet, word forms and small typos; drafts stay with staff; hits carry what a result list shows.
 * Each test tags its records with a unique word, so the others in the shared database do not interfere.
 */
@QuarkusTest
class SearchTest {

    private static final String SEARCH = "/api/v1/search";

    @Inject
    SearchEngine engine;

    @Inject
    MeterRegistry metrics;

    static String speaker(String given, String family, String affiliation, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", given);
        body.put("familyName", family);
        body.put("affiliation", affiliation);
        if (email != null) {
            body.put("email", email);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/speakers").then().statusCode(201).extract().path("id");
    }

    static String publication(String title, String topic, String status, Object... authors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ARTICLE");
        body.put("title", title);
        body.put("publishedOn", "2025-03");
        body.put("periodical", Map.of("name", "Horizons"));
        body.put("topics", List.of(topic));
        body.put("authors", List.of(authors));
        body.put("publicationStatus", status);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/publications").then().statusCode(201).extract().path("id");
    }

    static List<String> ids(String q, Object... params) {
        var request = anonymous().queryParam("q", q).queryParam("limit", 100);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get(SEARCH).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void accentsCaseAndAlphabetDoNotMatter() {
        String tag = uniqueTag();
        String latin = speaker("Jelena", "Jovanović", "Institute " + tag, null);
        for (String q : List.of("jovanovic", "JOVANOVIC", "Jovanović", "Јовановић", "jovanović")) {
            assertTrue(ids(q + " " + tag).contains(latin), q + " finds the Latin spelling");
        }
        String cyrillic = speaker("Марко", "Петровић", "Институт " + tag, null);
        assertTrue(ids("Marko Petrovic " + tag).contains(cyrillic), "Latin finds the Cyrillic spelling");
    }

    @Test
    void englishWordFormsAndTyposAndWordBeginningsMatch() {
        String tag = uniqueTag();
        String id = createEvent(event("Regional security conferences " + tag, tag, "PUBLISHED")).getString("id");
        assertTrue(ids("conference " + tag).contains(id), "a singular finds a plural");
        assertTrue(ids("secruity " + tag).contains(id), "a transposition in a longer word is forgiven");
        assertTrue(ids("regio " + tag).contains(id), "the beginning of a word finds it");
        assertTrue(ids("unrelatedword " + tag).isEmpty(), "every word must be found");
    }

    @Test
    void typosAreForgivenOnlyWhenNothingMatchesAsWritten() {
        String tag = uniqueTag();
        String right = createEvent(event("Energy markets " + tag, tag, "PUBLISHED")).getString("id");
        String misspelt = createEvent(event("Enregy outlook " + tag, tag, "PUBLISHED")).getString("id");

        assertEquals(List.of(right), ids("energy " + tag), "a word found as written brings no typo matches");
        assertEquals(List.of(misspelt), ids("outlok " + tag), "a word found nowhere as written is looked for with a typo");
        List<String> both = ids("enrgy " + tag);
        assertTrue(both.contains(right) && both.contains(misspelt), "both are one typo from a word found nowhere");
    }

    /**
     * The longest query a visitor can type, every word found nowhere as written and each within two edits of more
     * than 50 words of titles and summaries: once its typos are forgiven it holds more clauses than Lucene allows by
     * default (1,024), which failed as a 500 before the limit was raised.
     */
    @Test
    void aLongQueryWithTyposInEveryWordIsAnswered() {
        List<String> ids = new java.util.ArrayList<>();
        String typed = longTypoQuery(ids);
        List<String> found = ids(typed);
        assertTrue(found.containsAll(ids), "every event is found: " + found.size());
    }

    /**
     * An engine that allows fewer clauses than such a query holds (an OpenSearch cluster left at its default) answers
     * it as written, with nothing found, rather than failing. Shown on the embedded engine with Lucene's limit put
     * back to its default for the test.
     */
    @Test
    void anEngineRefusingTheClausesAnswersAsWritten() {
        assumeFalse(engine.shared(), "OpenSearch's limit is the cluster's");
        String typed = longTypoQuery(new java.util.ArrayList<>());
        int raised = org.apache.lucene.search.IndexSearcher.getMaxClauseCount();
        org.apache.lucene.search.IndexSearcher.setMaxClauseCount(1024);
        try {
            anonymous().queryParam("q", typed).get(SEARCH).then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        } finally {
            org.apache.lucene.search.IndexSearcher.setMaxClauseCount(raised);
        }
    }

    /** Events whose titles and summaries hold 54 words near one made-up word, and 12 words two edits from each. */
    private static String longTypoQuery(List<String> ids) {
        String base = "vrxlqmbtzk";
        List<String> variants = new java.util.ArrayList<>();
        for (int at = 1; at < base.length(); at++) {
            for (char c = 'a'; c <= 'f'; c++) {
                variants.add(base.substring(0, at) + c + base.substring(at + 1));
            }
        }
        for (int from = 0; from < variants.size(); from += 9) {
            String words = String.join(" ", variants.subList(from, Math.min(from + 9, variants.size())));
            Map<String, Object> body = event(words, uniqueTag(), "PUBLISHED");
            body.put("summary", words);
            ids.add(createEvent(body).getString("id"));
        }
        // Twelve words, each one letter away from the base at its own place: two edits from every variant.
        List<String> typed = new java.util.ArrayList<>();
        for (int at = 1; typed.size() < QueryText.MAX_WORDS; at = at % (base.length() - 1) + 1) {
            char c = typed.size() < base.length() - 1 ? 'y' : 'w';
            typed.add(base.substring(0, at) + c + base.substring(at + 1));
        }
        return String.join(" ", typed);
    }

    @Test
    void quotedPhrasesKeepTheirOrder() {
        String tag = uniqueTag();
        String ordered = createEvent(event("Arms control in Europe " + tag, tag, "PUBLISHED")).getString("id");
        String reversed = createEvent(event("Control of arms in Europe " + tag, tag, "PUBLISHED")).getString("id");
        List<String> found = ids("\"arms control\" " + tag);
        assertTrue(found.contains(ordered));
        assertTrue(!found.contains(reversed), "the phrase's order matters");
        List<String> words = ids("arms control " + tag);
        assertTrue(words.contains(ordered) && words.contains(reversed), "without quotes order does not matter");
    }

    @Test
    void titlesRankAboveSummariesAndTextsAndHitsCarryTheirKeyFields() {
        String tag = uniqueTag();
        Map<String, Object> inText = event("Evening lecture " + tag, tag, "PUBLISHED");
        inText.put("description", "<p>We will talk about diplomacy and much else.</p>");
        String text = createEvent(inText).getString("id");
        Map<String, Object> inSummary = event("Morning lecture " + tag, tag, "PUBLISHED");
        inSummary.put("summary", "Diplomacy after the war");
        String summary = createEvent(inSummary).getString("id");
        Map<String, Object> inTitle = event("Diplomacy today " + tag, tag, "PUBLISHED");
        inTitle.put("venue", Map.of("name", "Palace of Serbia", "city", "Belgrade", "country", "RS"));
        String title = createEvent(inTitle).getString("id");

        JsonPath page = anonymous().queryParam("q", "diplomacy " + tag).get(SEARCH).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(title, summary, text), page.getList("items.id", String.class));
        assertEquals("event", page.getString("items[0].kind"));
        assertEquals("Belgrade", page.getString("items[0].fields.city"));
        assertEquals("RS", page.getString("items[0].fields.country"));
        assertEquals("2030-05-10T10:00:00+02:00", page.getString("items[0].fields.startsAt"));
        assertTrue(page.getDouble("items[0].score") > page.getDouble("items[1].score"));
        assertEquals("<mark>Diplomacy</mark> after the war", page.getString("items[1].snippet"));
        assertEquals("We will talk about <mark>diplomacy</mark> and much else.", page.getString("items[2].snippet"));
        assertEquals(3, page.getInt("total"));
        assertTrue(page.getBoolean("current"));
    }

    @Test
    void aSearchAnswerIsKeptUntilTheNextChangeOnly() {
        String tag = uniqueTag();
        String first = createEvent(event("Kept lecture " + tag, tag, "PUBLISHED")).getString("id");
        String before = anonymous().queryParam("q", "lecture " + tag).get(SEARCH).then().statusCode(200).extract().asString();
        assertEquals(before, anonymous().queryParam("q", "lecture " + tag).get(SEARCH).then().statusCode(200).extract().asString());
        String second = createEvent(event("Another lecture " + tag, tag, "PUBLISHED")).getString("id");
        JsonPath after = anonymous().queryParam("q", "lecture " + tag).get(SEARCH).then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Set.of(first, second), java.util.Set.copyOf(after.getList("items.id", String.class)),
                "the answer kept before the write is not the one after it");
        given().delete("/api/v1/events/" + second).then().statusCode(204);
        anonymous().queryParam("q", "lecture " + tag).get(SEARCH).then().body("items.id", contains(first));
    }

    @Test
    void snippetsEscapeEverythingButTheMarks() {
        String tag = uniqueTag();
        Map<String, Object> body = event("Escaping " + tag, tag, "PUBLISHED");
        body.put("summary", "Tom & Jerry <script>alert(1)</script> discuss neutrality");
        createEvent(body);
        String snippet = anonymous().queryParam("q", "neutrality " + tag).get(SEARCH).then().statusCode(200)
                .extract().path("items[0].snippet");
        assertTrue(snippet.contains("<mark>neutrality</mark>"), snippet);
        assertTrue(snippet.contains("&amp;") && snippet.contains("&lt;script&gt;") && !snippet.contains("<script>"), snippet);
    }

    @Test
    void draftsAreFoundByStaffOnlyAndPrivateFieldsNever() {
        String tag = uniqueTag();
        String draft = createEvent(event("Closed roundtable " + tag, tag, "DRAFT")).getString("id");
        String draftArticle = publication("Unpublished essay " + tag, tag, "DRAFT");
        assertTrue(ids("roundtable " + tag).isEmpty(), "the public does not find a draft event");
        assertTrue(ids("essay " + tag).isEmpty(), "the public does not find a draft publication");
        given().queryParam("q", "roundtable " + tag).get(SEARCH).then().statusCode(200)
                .body("items.id", contains(draft)).body("items[0].fields.publicationStatus", equalTo("DRAFT"));
        given().queryParam("q", "essay " + tag).get(SEARCH).then().body("items.id", contains(draftArticle));
        anonymous().queryParam("q", tag).get(SEARCH).then().body("facets.kind", empty());

        String secret = uniqueTag();
        speaker("Private", "Person " + tag, "Nowhere", secret + "@example.org");
        given().queryParam("q", secret).get(SEARCH).then().statusCode(200).body("items", empty());
        // Publishing makes the draft public; going back to draft hides it again.
        given().contentType("application/merge-patch+json").body(Map.of("publicationStatus", "PUBLISHED"))
                .patch("/api/v1/events/" + draft).then().statusCode(200);
        assertEquals(List.of(draft), ids("roundtable " + tag));
        given().contentType("application/merge-patch+json").body(Map.of("publicationStatus", "DRAFT"))
                .patch("/api/v1/events/" + draft).then().statusCode(200);
        assertTrue(ids("roundtable " + tag).isEmpty());
    }

    @Test
    void writesAreSearchableOnceCommittedAndDeletesAndRenamesFollow() {
        String tag = uniqueTag();
        String speaker = speaker("Ana", "Brnabić" + tag, "Government", null);
        String event = createEvent(event("Summit " + tag, tag, "PUBLISHED")).getString("id");
        given().contentType(ContentType.JSON).body(Map.of("speaker", speaker, "role", "KEYNOTE"))
                .post("/api/v1/events/" + event + "/speakers").then().statusCode(201);
        String article = publication("Notes " + tag, tag, "PUBLISHED", speaker);
        assertTrue(ids("brnabic" + tag).containsAll(List.of(speaker, event, article)),
                "a speaker is found, and the events they speak at and the articles they wrote");

        // A refused write leaves nothing to find.
        Map<String, Object> refused = event("Refused " + tag, tag, "PUBLISHED");
        refused.put("endsAt", "2000-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(refused).post("/api/v1/events").then().statusCode(422);
        assertTrue(ids("refused " + tag).isEmpty());

        given().contentType("application/merge-patch+json").body(Map.of("familyName", "Renamed" + tag, "displayName", "Ana Renamed" + tag))
                .patch("/api/v1/speakers/" + speaker).then().statusCode(200);
        assertEquals(List.of(), ids("brnabic" + tag), "the old name is gone from the speaker, the line-up and the authors");
        assertTrue(ids("renamed" + tag).containsAll(List.of(speaker, event, article)));

        given().delete("/api/v1/publications/" + article).then().statusCode(204);
        assertTrue(!ids("notes " + tag).contains(article), "a deleted record is not found");
    }

    @Test
    void filtersNarrowAndFacetsCount() {
        String tag = uniqueTag();
        Map<String, Object> panel = event("Panel on energy " + tag, tag, "PUBLISHED");
        panel.put("type", "PANEL");
        panel.put("venue", Map.of("name", "Hall", "city", "Belgrade", "country", "RS"));
        String p = createEvent(panel).getString("id");
        Map<String, Object> lecture = event("Lecture on energy " + tag, tag, "PUBLISHED");
        lecture.put("startsAt", "2031-05-10T10:00:00+02:00");
        lecture.put("endsAt", "2031-05-10T12:00:00+02:00");
        String l = createEvent(lecture).getString("id");
        String a = publication("Energy security " + tag, tag, "PUBLISHED");

        assertEquals(List.of(p), ids("energy " + tag, "eventType", "PANEL"));
        assertEquals(List.of(p), ids("energy " + tag, "country", "RS"));
        assertEquals(List.of(a), ids("energy " + tag, "type", "publication"));
        assertEquals(List.of(l), ids("energy " + tag, "from", "2031-01-01", "to", "2031-12-31"));
        JsonPath page = anonymous().queryParam("q", "energy " + tag).get(SEARCH).then().statusCode(200).extract().jsonPath();
        assertEquals(3, page.getInt("total"));
        assertEquals(Map.of("event", 2, "publication", 1), facet(page, "kind"));
        assertEquals(Map.of("PANEL", 1, "LECTURE", 1), facet(page, "eventType"));
        assertEquals(Map.of("2030", 1, "2031", 1, "2025", 1), facet(page, "year"));
        assertEquals(Map.of("ARTICLE", 1), facet(page, "publicationType"));
        assertEquals(Map.of(tag, 3), facet(page, "topic"));
    }

    private static Map<String, Integer> facet(JsonPath page, String name) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map<String, Object>> values = page.getList("facets." + name);
        values.forEach(v -> counts.put((String) v.get("value"), ((Number) v.get("count")).intValue()));
        return counts;
    }

    @Test
    void cursorsWalkTheResultsOnce() {
        String tag = uniqueTag();
        for (int i = 0; i < 5; i++) {
            createEvent(event("Seminar " + i + " " + tag, tag, "PUBLISHED"));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = anonymous().queryParam("q", "seminar " + tag).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(SEARCH).then().statusCode(200).body("total", equalTo(5)).extract().jsonPath();
            // Facets are counted on the first page; later pages leave them empty.
            assertEquals(cursor == null ? 5 : 0, page.getMap("facets").isEmpty() ? 0 : page.getInt("facets.kind[0].count"));
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());
        String first = anonymous().queryParam("q", "seminar " + tag).queryParam("limit", 2).get(SEARCH).then().extract().path("nextCursor");
        anonymous().queryParam("q", "other " + tag).queryParam("cursor", first).get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void suggestionsCompleteWhatIsTyped() {
        String tag = uniqueTag();
        String vuk = speaker("Vuk", "Jeremić" + tag, "CIRSD", null);
        String event = createEvent(event("Jeremiad " + tag + " forum", tag, "PUBLISHED")).getString("id");
        List<String> found = anonymous().queryParam("q", "jeremic" + tag.substring(0, 6)).get(SEARCH + "/suggest").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertTrue(found.contains(vuk), "the beginning of a name completes it: " + found);
        anonymous().queryParam("q", "vuk jeremic" + tag).get(SEARCH + "/suggest").then().statusCode(200)
                .body("id", contains(vuk)).body("[0].text", equalTo("Vuk Jeremić" + tag)).body("[0].kind", equalTo("speaker"));
        anonymous().queryParam("q", tag + " for").get(SEARCH + "/suggest").then().body("id", contains(event));
        anonymous().queryParam("q", tag).queryParam("type", "event").get(SEARCH + "/suggest").then().body("id", contains(event));
        anonymous().queryParam("q", "").get(SEARCH + "/suggest").then().statusCode(200).body("", empty());
    }

    @Test
    void collectionsUseTheSameEngineAndKeepTheirFiltersAndSorts() {
        String tag = uniqueTag();
        Map<String, Object> early = event("Belgrade security forum " + tag, tag, "PUBLISHED");
        early.put("startsAt", "2030-01-10T10:00:00+01:00");
        early.put("endsAt", "2030-01-10T12:00:00+01:00");
        String e1 = createEvent(early).getString("id");
        Map<String, Object> late = event("Forum " + tag, tag, "PUBLISHED");
        late.put("summary", "On security in Belgrade");
        String e2 = createEvent(late).getString("id");
        createEvent(event("Unrelated " + tag, tag, "PUBLISHED"));

        anonymous().queryParam("q", "belgrade security").queryParam("topic", tag).get("/api/v1/events").then().statusCode(200)
                .body("items.id", contains(e1, e2)).body("total", equalTo(2));
        anonymous().queryParam("q", "BELGRADE secuirty").queryParam("topic", tag).queryParam("sort", "-startsAt")
                .get("/api/v1/events").then().statusCode(200).body("items.id", contains(e2, e1));
        anonymous().queryParam("q", "nothingmatches").queryParam("topic", tag).get("/api/v1/events").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        String s = speaker("Dragan", "Šutanovac" + tag, "Parliament", null);
        anonymous().queryParam("q", "sutanovac" + tag).get("/api/v1/speakers").then().statusCode(200).body("items.id", contains(s));
        String a = publication("Neutrality revisited " + tag, tag, "PUBLISHED");
        anonymous().queryParam("q", "neutral revisit").queryParam("topic", tag).get("/api/v1/publications").then().statusCode(200)
                .body("items.id", contains(a));
        anonymous().queryParam("q", "revisited").queryParam("topic", tag).get("/api/v1/feeds/publications.json").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void theEngineQueryLanguageIsNotExposedAndOddInputIsNeverAnError() {
        String tag = uniqueTag();
        String id = createEvent(event("Title with words " + tag, tag, "PUBLISHED")).getString("id");
        for (String q : List.of("*:*", "*", "title:" + tag, "\"unbalanced " + tag, tag + "^999999", "a^999999", "(" + tag,
                tag + " AND OR NOT", "+-&&||!(){}[]^\"~*?:\\/", "\u00a0\u2028\u200b" + tag, "x".repeat(200), "w".repeat(60) + " " + tag,
                "%", "' or 1=1 --", "\uD83D\uDE00 " + tag, "title:(" + tag + ")~2")) {
            anonymous().queryParam("q", q).get(SEARCH).then().statusCode(200);
            anonymous().queryParam("q", q).get(SEARCH + "/suggest").then().statusCode(200);
            anonymous().queryParam("q", q).get("/api/v1/events").then().statusCode(200);
        }
        // Control characters in a URL are refused before any search (a 400 problem, as for every operation).
        anonymous().queryParam("q", "\u0000\u0001" + tag).get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
        assertTrue(ids("title:" + tag).contains(id), "a field name is read as a word");
        assertTrue(ids("\"unbalanced " + tag).isEmpty(), "an unbalanced quote is a character; both words must be found");
        anonymous().queryParam("q", "x".repeat(201)).get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("q"));
        anonymous().queryParam("q", "x".repeat(201)).get("/api/v1/speakers").then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("type", "poem").get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("eventType", "PARTY").get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("country", "XX").get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("from", "someday").get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("cursor", "forged").get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("limit", 0).get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("colour", "red").get(SEARCH).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void withoutWordsEverythingMatchingTheFiltersComesLatestFirst() {
        String tag = uniqueTag();
        String older = createEvent(minimalEvent(tag)).getString("id");
        Map<String, Object> newer = minimalEvent(tag);
        newer.put("startsAt", "2032-05-10T10:00:00+02:00");
        newer.put("endsAt", "2032-05-10T12:00:00+02:00");
        String later = createEvent(newer).getString("id");
        anonymous().queryParam("topic", tag).get(SEARCH).then().statusCode(200).body("items.id", contains(later, older))
                .body("items[0].snippet", nullValue());
    }

    @Test
    void aBurstOfWritesIsIndexedInAFewBatches() throws InterruptedException {
        String tag = uniqueTag();
        double before = batches();
        int writes = 12;
        for (int i = 0; i < writes; i++) {
            createEvent(event("Burst " + i + " " + tag, tag, "PUBLISHED"));
        }
        // Waits without searching: a search waiting for the index would have it index at once.
        long deadline = System.currentTimeMillis() + 30_000;
        while (given().get("/api/v1/admin/search").then().extract().<Integer>path("changesBehind") > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        double batches = batches() - before;
        assertTrue(batches >= 1 && batches <= writes / 2.0, batches + " index batches for " + writes + " writes in a burst");
        assertEquals(writes, ids(tag).size());
    }

    private double batches() {
        return metrics.get("registry.search.batches").counter().count();
    }

    /** How many segments the embedded index's last commit has. */
    private static int segments() {
        String folder = ConfigProvider.getConfig().getValue("registry.search.directory", String.class);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(folder, SearchDocument.INDEX)))) {
            return reader.leaves().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMergedEmbeddedIndexIsCommittedAtOnce() {
        assumeTrue(ConfigProvider.getConfig().getOptionalValue("registry.search.engine", String.class).orElse("lucene")
                .equalsIgnoreCase("lucene"), "OpenSearch manages its own segments");
        String tag = uniqueTag();
        // A search waits for the index, so each write is indexed and committed on its own: a segment each. Lucene
        // merges small segments when a commit brings them to ten, so a write may leave one; the next leaves two.
        int written = 0;
        while (written < 3 || segments() < 2) {
            written++;
            createEvent(event("Segment " + written + " " + tag, tag, "PUBLISHED"));
            assertEquals(written, ids(tag).size());
            assertTrue(written <= 15, "the writes never left more than one segment");
        }
        engine.compact();
        assertEquals(1, segments(), "the merge is in the index's last commit, not only in the writer's memory");
        assertEquals(written, ids(tag).size());
    }

    @Test
    void adminsSeeTheIndexStateAndRebuildItWhileSearchesGoOn() {
        String tag = uniqueTag();
        String id = createEvent(event("Rebuilt " + tag, tag, "PUBLISHED")).getString("id");
        String engine = ConfigProvider.getConfig().getOptionalValue("registry.search.engine", String.class).orElse("lucene");
        given().get("/api/v1/admin/search").then().statusCode(200).body("engine", equalTo(engine.toLowerCase()))
                .body("writer", equalTo(true))
                .body("changesBehind", notNullValue()).body("position", notNullValue());
        given().post("/api/v1/admin/search/rebuild").then().statusCode(202);
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of(id), ids("rebuilt " + tag), "searches answer during the rebuild");
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (given().get("/api/v1/admin/search").then().extract().<Boolean>path("rebuilding")
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        given().get("/api/v1/admin/search").then().body("rebuilding", equalTo(false)).body("builtAt", notNullValue())
                .body("changesBehind", equalTo(0));
        if (engine.equalsIgnoreCase("lucene")) {
            long merged = System.currentTimeMillis() + 10_000;
            while (segments() != 1 && System.currentTimeMillis() < merged) {
                Thread.onSpinWait();
            }
            assertEquals(1, segments(), "a rebuilt embedded index is merged into one segment");
        }
        assertEquals(List.of(id), ids("rebuilt " + tag));
        anonymous().get("/api/v1/admin/search").then().statusCode(401);
        anonymous().post("/api/v1/admin/search/rebuild").then().statusCode(401);
        given().get("/api/v1/admin/search").then().body("rebuilding", not(equalTo(true)));
        anonymous().queryParam("q", tag).get(SEARCH).then().body("facets.kind.value", hasItem("event"));
        anonymous().get("/q/metrics").then().statusCode(200).body(containsString("registry_search_writes_behind"))
                .body(containsString("registry_search_seconds_behind"));
    }
}
