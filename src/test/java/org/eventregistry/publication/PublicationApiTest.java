package org.eventregistry.publication;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.searchIndexCurrent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publications: authors and events, dates of any precision, DOI and ISBN, filters, citations and bad input. */
@QuarkusTest
class PublicationApiTest {

    static final String PUBLICATIONS = "/api/v1/publications";

    @Inject
    EntityManagerFactory emf;

    static String speaker(String given, String family) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", given);
        body.put("familyName", family);
        body.put("affiliation", "CIRSD");
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/speakers").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> essay(String topic, Object... authors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ESSAY");
        body.put("title", "Essay " + topic);
        body.put("publishedOn", "2023-10");
        body.put("periodical", Map.of("name", "Horizons " + topic, "volume", "25", "issue", "Autumn 2023", "pages", "118-131"));
        body.put("topics", List.of(topic));
        body.put("authors", List.of(authors));
        return body;
    }

    static JsonPath create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(PUBLICATIONS).then().statusCode(201).extract().jsonPath();
    }

    static int count(String topic) {
        return given().queryParam("topic", topic).get(PUBLICATIONS).then().statusCode(200).extract().path("total");
    }

    @Test
    void publishesWithOrderedAuthorsRelatedEventsAndNormalisedIdentifiers() {
        String topic = uniqueTag();
        String litwak = speaker("Robert S.", "Litwak");
        String king = speaker("Meg", "King");
        String kingSlug = given().get("/api/v1/speakers/" + king).then().extract().path("slug");
        String event = createEvent(topic).getString("id");
        Map<String, Object> body = essay(topic, litwak, kingSlug);
        body.put("doi", "https://doi.org/10.1000/ABC.Def-123");
        body.put("isbn", "0-306-40615-2");
        body.put("relatedEvents", List.of(event));
        Response created = given().contentType(ContentType.JSON).body(body).post(PUBLICATIONS);
        created.then().statusCode(201).header("Location", containsString(PUBLICATIONS + "/"))
                .body("authors.id", contains(litwak, king))
                .body("authors[1].displayName", equalTo("Meg King"))
                .body("relatedEvents.id", contains(event))
                .body("doi", equalTo("10.1000/abc.def-123"))
                .body("isbn", equalTo("9780306406157"))
                .body("publishedOn", equalTo("2023-10"))
                .body("periodical.volume", equalTo("25"));

        // A fetched body can be sent back as it is: embedded authors and events are accepted as references.
        String fetched = given().get(PUBLICATIONS + "/" + created.path("id")).then().extract().asString();
        given().contentType(ContentType.JSON).body(fetched).put(PUBLICATIONS + "/" + created.path("id")).then().statusCode(200)
                .body("authors.id", contains(litwak, king)).body("relatedEvents.id", contains(event));

        anonymous().queryParam("include", "publications").get("/api/v1/events/" + event).then().statusCode(200)
                .body("publications.id", contains((String) created.path("id")));
    }

    @Test
    void keepsTheDatePrecisionGivenAndSortsNewestFirst() {
        String topic = uniqueTag();
        for (String date : List.of("2019", "2021-03", "2021-03-15", "2020-12-31")) {
            Map<String, Object> body = essay(topic);
            body.put("publishedOn", date);
            body.put("title", "Dated " + date);
            create(body);
        }
        anonymous().queryParam("topic", topic).get(PUBLICATIONS).then().statusCode(200)
                .body("items.publishedOn", contains("2021-03-15", "2021-03", "2020-12-31", "2019"));
        anonymous().queryParam("topic", topic).queryParam("publishedFrom", "2020").queryParam("publishedTo", "2021-02").get(PUBLICATIONS)
                .then().body("items.publishedOn", contains("2020-12-31"));
        anonymous().queryParam("topic", topic).queryParam("publishedTo", "2019").get(PUBLICATIONS).then().body("total", equalTo(1));
        anonymous().queryParam("topic", topic).queryParam("sort", "title").get(PUBLICATIONS).then()
                .body("items.title", contains("Dated 2019", "Dated 2020-12-31", "Dated 2021-03", "Dated 2021-03-15"));
        anonymous().queryParam("publishedFrom", "2021-02-30").get(PUBLICATIONS).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("publishedFrom", "2022").queryParam("publishedTo", "2021").get(PUBLICATIONS).then().statusCode(400);
    }

    @Test
    void filtersByTypeAuthorPeriodicalVolumeIssueLanguageEventAndQ() {
        String topic = uniqueTag();
        String author = speaker("Stefan", "Jovanović");
        String event = createEvent(topic).getString("id");
        Map<String, Object> first = essay(topic, author);
        first.put("language", "sr-Latn");
        first.put("relatedEvents", List.of(event));
        String a = create(first).getString("id");
        Map<String, Object> second = essay(topic);
        second.put("type", "INTERVIEW");
        second.put("periodical", Map.of("name", "Horizons " + topic, "volume", "26", "issue", "Winter 2024"));
        second.put("title", "Cyber arms control " + topic);
        String b = create(second).getString("id");

        anonymous().queryParam("topic", topic).queryParam("type", "INTERVIEW").get(PUBLICATIONS).then().body("items.id", contains(b));
        anonymous().queryParam("topic", topic).queryParam("author", author).get(PUBLICATIONS).then().body("items.id", contains(a));
        anonymous().queryParam("periodical", "horizons-" + topic).get(PUBLICATIONS).then().body("total", equalTo(2));
        anonymous().queryParam("topic", topic).queryParam("volume", "26").get(PUBLICATIONS).then().body("items.id", contains(b));
        anonymous().queryParam("topic", topic).queryParam("issue", "Autumn 2023").get(PUBLICATIONS).then().body("items.id", contains(a));
        anonymous().queryParam("topic", topic).queryParam("language", "sr-latn").get(PUBLICATIONS).then().body("items.id", contains(a));
        anonymous().queryParam("event", event).get(PUBLICATIONS).then().body("items.id", contains(a));
        anonymous().queryParam("topic", topic).queryParam("q", "jovanovic").get(PUBLICATIONS).then().body("items.id", contains(a));
        anonymous().queryParam("topic", topic).queryParam("q", "CYBER arms").get(PUBLICATIONS).then().body("items.id", contains(b));
        anonymous().get("/api/v1/speakers/" + author + "/publications").then().statusCode(200).body("items.id", contains(a));
        anonymous().queryParam("type", "POEM").get(PUBLICATIONS).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("colour", "red").get(PUBLICATIONS).then().statusCode(400);
    }

    @Test
    void aSpeakersPublicationsComeNewestFirst() {
        String topic = uniqueTag();
        String author = speaker("Vuk", "Jeremić");
        List<String> ids = new ArrayList<>();
        for (String date : List.of("2015-10-05", "2024", "2019-06")) {
            Map<String, Object> body = essay(topic, author);
            body.put("publishedOn", date);
            ids.add(create(body).getString("id"));
        }
        anonymous().get("/api/v1/speakers/" + author + "/publications").then().statusCode(200)
                .body("items.id", contains(ids.get(1), ids.get(2), ids.get(0)));
        anonymous().get("/api/v1/speakers/nobody-here/publications").then().statusCode(404);
    }

    @Test
    void badPublicationsAreRefusedWithPointersAndChangeNothing() {
        String topic = uniqueTag();
        String author = speaker("A", "Writer");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("/doi", with(essay(topic, author), "doi", "11.1000/nope"));
        cases.put("/isbn", with(essay(topic, author), "isbn", "978-0-306-40615-8"));
        cases.put("/publishedOn", with(essay(topic, author), "publishedOn", "2025-02-30"));
        cases.put("/authors/1", essay(topic, author, "nobody-of-that-name"));
        cases.put("/title", with(essay(topic, author), "title", "x".repeat(501)));
        cases.put("/relatedEvents/0", with(essay(topic, author), "relatedEvents", List.of("no-such-event")));
        cases.put("/url", with(essay(topic, author), "url", "javascript:alert(1)"));
        cases.forEach((pointer, body) -> given().contentType(ContentType.JSON).body(body).post(PUBLICATIONS)
                .then().statusCode(422).contentType(PROBLEM_JSON).body("errors.pointer", hasItem(pointer)));
        given().contentType(ContentType.JSON).body(essay(topic, author, author)).post(PUBLICATIONS)
                .then().statusCode(422).body("errors.pointer", hasItem("/authors/1"));
        given().contentType(ContentType.JSON).body(with(essay(topic, author), "type", "POEM")).post(PUBLICATIONS)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/type"));
        assertEquals(0, count(topic));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    @Test
    void citesAsBibtexRisAndCslJsonKeepingNamesAndEscapingSpecialCharacters() {
        String topic = uniqueTag();
        String author = speaker("Đorđe", "Jovanović");
        Map<String, Object> body = essay(topic, author);
        body.put("title", "Costs & benefits: 100% of {cyber} #norms_" + topic);
        body.put("doi", "10.1000/xyz123");
        String slug = create(body).getString("slug");
        String path = PUBLICATIONS + "/" + slug + "/citation";

        String bibtex = anonymous().get(path).then().statusCode(200)
                .contentType(startsWith("application/x-bibtex")).header("Vary", containsString("Accept")).extract().asString();
        assertTrue(bibtex.startsWith("@article{jovanovic2023costs,"), bibtex);
        assertTrue(bibtex.contains("author = {Jovanović, Đorđe}"), bibtex);
        assertTrue(bibtex.contains("Costs \\& benefits: 100\\% of \\{cyber\\} \\#norms\\_"), bibtex);
        assertTrue(bibtex.contains("journal = {Horizons " + topic + "}"), bibtex);
        assertTrue(bibtex.contains("pages = {118--131}"), bibtex);
        assertTrue(bibtex.contains("month = oct"), bibtex);
        assertTrue(bibtex.contains("doi = {10.1000/xyz123}"), bibtex);

        String ris = anonymous().header("Accept", "application/x-research-info-systems").get(path).then().statusCode(200)
                .contentType(startsWith("application/x-research-info-systems")).extract().asString();
        assertTrue(ris.startsWith("TY  - JOUR\r\n"), ris);
        assertTrue(ris.contains("AU  - Jovanović, Đorđe\r\n"), ris);
        assertTrue(ris.contains("SP  - 118\r\nEP  - 131\r\n"), ris);
        assertTrue(ris.contains("DA  - 2023/10//\r\n"), ris);
        assertTrue(ris.endsWith("ER  - \r\n"), ris);

        anonymous().queryParam("format", "csl-json").get(path).then().statusCode(200)
                .contentType(startsWith("application/vnd.citationstyles.csl+json"))
                .body("[0].type", equalTo("article-journal"))
                .body("[0].author[0].family", equalTo("Jovanović"))
                .body("[0].author[0].given", equalTo("Đorđe"))
                .body("[0].issued.date-parts[0]", contains(2023, 10))
                .body("[0].DOI", equalTo("10.1000/xyz123"));

        anonymous().queryParam("format", "endnote").get(path).then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().header("Accept", "application/xml").get(path).then().statusCode(406).contentType(PROBLEM_JSON);
        anonymous().get(PUBLICATIONS + "/no-such-publication/citation").then().statusCode(404);
    }

    @Test
    void draftsAreHiddenFromThePublicEvenInCitations() {
        String topic = uniqueTag();
        Map<String, Object> body = essay(topic);
        body.put("publicationStatus", "DRAFT");
        String id = create(body).getString("id");
        anonymous().get(PUBLICATIONS + "/" + id).then().statusCode(404);
        anonymous().get(PUBLICATIONS + "/" + id + "/citation").then().statusCode(404);
        anonymous().queryParam("topic", topic).get(PUBLICATIONS).then().body("total", equalTo(0));
        given().get(PUBLICATIONS + "/" + id).then().statusCode(200).body("publicationStatus", equalTo("DRAFT"));
    }

    @Test
    void anAuthorCannotBeDeletedUntilTheRequestSaysWhatHappensToTheAuthorship() {
        String topic = uniqueTag();
        String first = speaker("Robert S.", "Litwak");
        String second = speaker("Meg", "King");
        JsonPath created = create(essay(topic, first, second));
        given().delete("/api/v1/speakers/" + first).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString(created.getString("title")));
        given().get("/api/v1/speakers/" + first).then().statusCode(200);
        given().queryParam("unlink", "true").delete("/api/v1/speakers/" + first).then().statusCode(204);
        given().get(PUBLICATIONS + "/" + created.getString("id")).then().statusCode(200).body("authors.id", contains(second));
    }

    @Test
    void writesNeedStaffAndAreVersioned() {
        String topic = uniqueTag();
        anonymous().contentType(ContentType.JSON).body(essay(topic)).post(PUBLICATIONS).then().statusCode(401);
        String id = create(essay(topic)).getString("id");
        String etag = given().get(PUBLICATIONS + "/" + id).then().extract().header("ETag");
        given().header("If-None-Match", etag).get(PUBLICATIONS + "/" + id).then().statusCode(304);
        given().header("If-Match", etag).contentType("application/merge-patch+json").body("{\"subtitle\": \"Now with one\", \"doi\": null}")
                .patch(PUBLICATIONS + "/" + id).then().statusCode(200).body("subtitle", equalTo("Now with one"));
        given().header("If-Match", etag).delete(PUBLICATIONS + "/" + id).then().statusCode(412);
        given().delete(PUBLICATIONS + "/" + id).then().statusCode(204);
        given().get(PUBLICATIONS + "/" + id).then().statusCode(404);
        String key = "k-" + topic;
        String one = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(essay(topic)).post(PUBLICATIONS)
                .then().statusCode(201).extract().path("id");
        String two = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(essay(topic)).post(PUBLICATIONS)
                .then().statusCode(201).extract().path("id");
        assertEquals(one, two);
    }

    @Test
    void listingPublicationsWithAuthorsTakesAConstantNumberOfStatements() {
        String topic = uniqueTag();
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            authors.add(speaker("Author", "Number" + i));
        }
        String event = createEvent(minimalEvent(topic)).getString("id");
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        List<Long> counts = new ArrayList<>();
        int made = 0;
        for (int wanted : new int[]{3, 40}) {
            for (; made < wanted; made++) {
                Map<String, Object> body = essay(topic, authors.get(made % 4), authors.get((made + 1) % 4));
                body.put("relatedEvents", List.of(event));
                create(body);
            }
            searchIndexCurrent();
            statistics.clear();
            anonymous().queryParam("topic", topic).queryParam("limit", 100).get(PUBLICATIONS).then().statusCode(200)
                    .body("items", hasSize(wanted)).body("items[0].authors", hasSize(2)).body("items[0].relatedEvents", hasSize(1));
            counts.add(statistics.getPrepareStatementCount());
        }
        assertEquals(counts.get(0), counts.get(1), "statements for 3 vs 40 publications: " + counts);
        anonymous().queryParam("include", "publications").get("/api/v1/events/" + event).then()
                .body("publications", hasSize(40)).body("publications[0].authors", not(hasSize(0)))
                .body("publications[0].body", nullValue());
    }
}
