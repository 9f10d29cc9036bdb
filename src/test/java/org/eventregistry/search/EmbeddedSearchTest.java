package org.eventregistry.search;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded index is searched on Lucene itself ({@link EmbeddedSearch}) rather than through the mapping's top hits
 * and aggregations, which OpenSearch keeps: both must find the same records in the same order with the same scores and
 * count the same facets. Records with equal titles tie on score, so the order of equals (latest first) is compared too.
 */
@QuarkusTest
class EmbeddedSearchTest {

    @Inject
    SearchService service;
    @Inject
    SearchEngine engine;
    @Inject
    Indexer indexer;

    @Test
    void findsAndCountsWhatTheMappingsQueryFinds() {
        // Lucene only: on OpenSearch every search goes through the mapping.
        assumeFalse(engine.shared());
        String tag = uniqueTag();
        List<String> ids = new java.util.ArrayList<>();
        String[] types = {"PANEL", "LECTURE", "CONFERENCE", "PANEL", "WORKSHOP", "PANEL", "LECTURE"};
        String[] countries = {"RS", "RS", "DE", "FR", "RS", "US", "DE"};
        for (int i = 0; i < types.length; i++) {
            // Equal titles score equally: recency orders them.
            Map<String, Object> body = event("Dialogue on energy " + tag, i % 2 == 0 ? tag : "energy" + tag, "PUBLISHED");
            body.put("type", types[i]);
            body.put("startsAt", (2020 + i % 4) + "-0" + (1 + i) + "-10T10:00:00+02:00");
            body.put("endsAt", (2020 + i % 4) + "-0" + (1 + i) + "-10T12:00:00+02:00");
            body.put("venue", Map.of("name", "Hall", "city", "City " + i, "country", countries[i]));
            if (i == 3) {
                body.put("summary", "Energy, energy and energy once more " + tag);
            }
            ids.add(createEvent(body).getString("id"));
        }
        createEvent(event("Dialogue on energy " + tag, tag, "DRAFT"));
        SearchTest.publication("Energy dialogue " + tag, tag, "PUBLISHED");
        SearchTest.publication("Dialogue on energy " + tag, "energy" + tag, "PUBLISHED");
        SearchTest.speaker("Energy" + tag, "Dialoguer", "Institute of energy " + tag, null);
        assertTrue(indexer.awaitCurrent(java.time.Duration.ofSeconds(5)));
        // One segment holds them all; a changed record is then a deleted document in it (and a new one elsewhere),
        // which the search must skip.
        engine.compact();
        // A later page first: it reads only the recency of the new segment, so its facet columns are read after the
        // change below, through another reader of the segment (SegmentColumnsTest: the first may be closed by then).
        try (SearchSession session = engine.session()) {
            assertEquals(2, service.embedded(session, QueryText.parse(tag), new SearchService.Criteria(Set.of(), null, null,
                    Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false), false, false, 2, 2).rows().size());
        }
        given().contentType(MERGE_PATCH_JSON).body(Map.of("summary", "Revised " + tag)).patch(EVENTS + "/" + ids.get(2))
                .then().statusCode(200);
        assertTrue(indexer.awaitCurrent(java.time.Duration.ofSeconds(5)));

        Set<String> none = Set.of();
        var everyone = new SearchService.Criteria(none, null, null, none, none, none, none, none, false);
        var staff = new SearchService.Criteria(none, null, null, none, none, none, none, none, true);
        var panelsInSerbia = new SearchService.Criteria(Set.of("event"), null, null, none, Set.of("RS"), Set.of("PANEL"), none, none, false);
        var events = new SearchService.Criteria(Set.of("event"), null, null, none, none, none, none, none, false);
        int compared = 0;
        for (String q : List.of("dialogue energy " + tag, tag, "energy " + tag, "\"on energy\" " + tag, "dialog " + tag)) {
            for (var criteria : List.of(everyone, staff, panelsInSerbia, events)) {
                for (int[] page : new int[][] {{0, 20}, {0, 3}, {2, 3}, {9, 5}}) {
                    for (boolean typos : new boolean[] {false, true}) {
                        QueryText text = QueryText.parse(q);
                        boolean counted = page[0] == 0;
                        try (SearchSession session = engine.session()) {
                            SearchService.Found mapping = service.viaMapping(session, text, criteria, typos, counted, page[0], page[1]);
                            SearchService.Found embedded = service.embedded(session, text, criteria, typos, counted, page[0], page[1]);
                            String what = q + " " + criteria + " page " + Arrays.toString(page) + " typos " + typos;
                            assertEquals(mapping.total(), embedded.total(), what);
                            assertEquals(rows(mapping), rows(embedded), what);
                            assertEquals(mapping.facets(), embedded.facets(), what);
                            compared += mapping.rows().size();
                        }
                    }
                }
            }
        }
        // The comparison saw hits, ties among them and facets, not only empty pages.
        assertTrue(compared > 100, "hits compared: " + compared);
        try (SearchSession session = engine.session()) {
            SearchService.Found all = service.embedded(session, QueryText.parse("dialogue energy " + tag), staff, false, true, 0, 20);
            assertEquals(11, all.total());
            assertEquals(Map.of("PANEL", 3L, "LECTURE", 3L, "CONFERENCE", 1L, "WORKSHOP", 1L), all.facets().get("eventType"));
            assertEquals(Map.of(tag, 6L, "energy" + tag, 4L), all.facets().get("topic"));
            List<Object[]> rows = all.rows();
            assertTrue(java.util.stream.IntStream.range(1, rows.size()).anyMatch(i -> rows.get(i - 1)[4].equals(rows.get(i)[4])),
                    "some hits tie on score, so the order of equals is compared");
        }
    }

    @Test
    void suggestsWhatTheMappingsQuerySuggests() {
        assumeFalse(engine.shared());
        String tag = uniqueTag();
        for (int i = 0; i < 6; i++) {
            // Equal titles tie on score: recency orders them.
            Map<String, Object> body = event("Diaspora dialogue " + tag, tag, i == 5 ? "DRAFT" : "PUBLISHED");
            body.put("startsAt", (2021 + i % 3) + "-0" + (1 + i) + "-10T10:00:00+02:00");
            body.put("endsAt", (2021 + i % 3) + "-0" + (1 + i) + "-10T12:00:00+02:00");
            createEvent(body);
        }
        SearchTest.publication("Diaspora and its dialogues " + tag, tag, "PUBLISHED");
        SearchTest.speaker("Dia" + tag, "Diasporic", "Dialogue institute", null);
        assertTrue(indexer.awaitCurrent(java.time.Duration.ofSeconds(5)));
        int compared = 0;
        for (String q : List.of("dia", "diaspora dia", "dia " + tag.substring(0, 6), "dialogue " + tag, "zzqx")) {
            List<String> words = QueryText.parse(q).allWords();
            for (Set<String> kinds : List.of(Set.<String>of(), Set.of("event"), Set.of("speaker", "publication"))) {
                for (boolean drafts : new boolean[] {false, true}) {
                    for (int limit : new int[] {3, 8, 20}) {
                        try (SearchSession session = engine.session()) {
                            List<Suggestion> mapping = service.suggestViaMapping(session, words, kinds, drafts, limit);
                            assertEquals(mapping, service.suggestEmbedded(session, words, kinds, drafts, limit),
                                    q + " " + kinds + " drafts " + drafts + " limit " + limit);
                            compared += mapping.size();
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100, "suggestions compared: " + compared);
    }

    private static List<List<Object>> rows(SearchService.Found found) {
        return found.rows().stream().map(Arrays::asList).toList();
    }
}
