package org.eventregistry.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calendar and news feeds, JSON-LD, conditional requests and CORS, as calendar apps, feed readers and browsers use them. */
@QuarkusTest
class FeedTest {

    static final String HARD_TEXT = "Диjалог о Балкану — حوار 🌍🎉 " + "дугачак ред ".repeat(20);

    static String speaker(String given, String family) {
        return given().contentType(ContentType.JSON).body(Map.of("givenName", given, "familyName", family, "affiliation", "CIRSD"))
                .post("/api/v1/speakers").then().statusCode(201).extract().path("id");
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void theCalendarFeedIsValidIcalendarWithZonesLineupsAndStatus() throws Exception {
        String topic = uniqueTag();
        Map<String, Object> belgrade = minimalEvent(topic);
        belgrade.put("title", "Belgrade " + HARD_TEXT);
        belgrade.put("summary", HARD_TEXT);
        belgrade.put("venue", Map.of("name", "Hotel Metropol Palace", "city", "Belgrade", "country", "RS"));
        JsonPath first = createEvent(belgrade);
        Map<String, Object> newYork = minimalEvent(topic);
        newYork.put("startsAt", "2030-05-10T10:00:00-04:00");
        newYork.put("endsAt", "2030-05-10T12:00:00-04:00");
        newYork.put("timeZone", "America/New_York");
        newYork.put("status", "CANCELLED");
        JsonPath second = createEvent(newYork);
        String vuk = speaker("Vuk", "Jeremić");
        given().contentType(ContentType.JSON).body(Map.of("speaker", vuk, "role", "MODERATOR"))
                .post("/api/v1/events/" + first.getString("id") + "/speakers").then().statusCode(201);

        String ics = anonymous().queryParam("topic", topic).get("/api/v1/feeds/events.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString();
        byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"), "lines end with CRLF");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "longer than 75 octets: " + line);
            assertTrue(!line.contains("\n") && !line.contains("\r"), "bare line break in: " + line);
        }
        assertTrue(bytes.length > 0);
        Calendar calendar = parse(ics);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        assertEquals(2, calendar.getComponents("VTIMEZONE").size(), "one VTIMEZONE per zone used");
        VEvent belgradeEvent = events.stream().filter(e -> value(e, "UID").startsWith(first.getString("id"))).findFirst().orElseThrow();
        assertEquals("Europe/Belgrade", tzid(belgradeEvent));
        assertEquals("20300510T100000", value(belgradeEvent, "DTSTART"));
        assertTrue(value(belgradeEvent, "SUMMARY").contains("🌍🎉"), "emoji survive folding");
        assertTrue(value(belgradeEvent, "DESCRIPTION").contains("Vuk Jeremić (moderator"), "line-up in DESCRIPTION");
        assertTrue(value(belgradeEvent, "LOCATION").startsWith("Hotel Metropol Palace"));
        assertEquals("http://localhost:8080/events/" + first.getString("slug"), value(belgradeEvent, "URL"));
        assertEquals("0", value(belgradeEvent, "SEQUENCE"));
        VEvent cancelled = events.stream().filter(e -> value(e, "UID").startsWith(second.getString("id"))).findFirst().orElseThrow();
        assertEquals("CANCELLED", value(cancelled, "STATUS"));
        assertEquals("America/New_York", tzid(cancelled));

        given().contentType("application/merge-patch+json").body(Map.of("subtitle", "changed")).patch("/api/v1/events/" + second.getString("id"));
        String single = anonymous().get("/api/v1/events/" + second.getString("slug") + "/calendar.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString();
        VEvent again = (VEvent) parse(single).getComponents("VEVENT").get(0);
        assertEquals(value(cancelled, "UID"), value(again, "UID"), "UIDs are stable");
        assertEquals("1", value(again, "SEQUENCE"), "SEQUENCE grows with each change");
    }

    @Test
    void draftsAndUnknownEventsHaveNoCalendar() {
        Map<String, Object> body = minimalEvent(uniqueTag());
        body.put("publicationStatus", "DRAFT");
        String id = createEvent(body).getString("id");
        anonymous().get("/api/v1/events/" + id + "/calendar.ics").then().statusCode(404).contentType(PROBLEM_JSON);
        anonymous().get("/api/v1/events/no-such-event/calendar.ics").then().statusCode(404);
        anonymous().queryParam("topic", body.get("topics")).get("/api/v1/feeds/events.ics").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(id)));
    }

    @Test
    void atomAndRssAreWellFormedAndLinkToTheFrontend() throws Exception {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("title", "<Unsafe> & \"quoted\" " + HARD_TEXT);
        body.put("description", "<p>Hello <em>world</em> " + HARD_TEXT + "</p>");
        JsonPath event = createEvent(body);
        for (String format : List.of("atom", "rss")) {
            String xml = anonymous().queryParam("topic", topic).get("/api/v1/feeds/events." + format).then().statusCode(200)
                    .contentType(startsWith("application/" + format + "+xml")).extract().asString();
            Document doc = xml(xml);
            NodeList items = doc.getElementsByTagNameNS("*", format.equals("atom") ? "entry" : "item");
            assertEquals(1, items.getLength(), format);
            assertTrue(xml.contains("http://localhost:8080/events/" + event.getString("slug")), format + " links to the frontend");
            assertTrue(doc.getElementsByTagNameNS("*", "title").item(1).getTextContent().startsWith("<Unsafe> & \"quoted\""), format);
        }
        JsonPath feed = anonymous().queryParam("topic", topic).get("/api/v1/feeds/events.json").then().statusCode(200)
                .contentType(startsWith("application/feed+json")).extract().jsonPath();
        assertEquals("https://jsonfeed.org/version/1.1", feed.getString("version"));
        assertEquals("http://localhost:8080/events/" + event.getString("slug"), feed.getString("items[0].url"));
        assertTrue(feed.getString("items[0].content_html").contains("<em>world</em>"));
        anonymous().queryParam("topics", topic).get("/api/v1/feeds/events.atom").then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("type", "PARTY").get("/api/v1/feeds/events.rss").then().statusCode(400);
        anonymous().queryParam("from", "2030-01-02").queryParam("to", "2030-01-01").get("/api/v1/feeds/events.ics").then().statusCode(400);
    }

    @Test
    void publicationFeedsCarryAuthorsAndTakeTheListFilters() throws Exception {
        String topic = uniqueTag();
        String author = speaker("Meg", "King");
        given().contentType(ContentType.JSON).body(Map.of("type", "ESSAY", "title", "Cyber " + topic, "topics", List.of(topic),
                "authors", List.of(author), "publishedOn", "2015-10")).post("/api/v1/publications").then().statusCode(201);
        String atom = anonymous().queryParam("topic", topic).get("/api/v1/feeds/publications.atom").then().statusCode(200).extract().asString();
        Document doc = xml(atom);
        assertEquals(1, doc.getElementsByTagNameNS("*", "entry").getLength());
        assertTrue(atom.contains("<name>Meg King</name>"), atom);
        xml(anonymous().queryParam("topic", topic).get("/api/v1/feeds/publications.rss").then().statusCode(200).extract().asString());
        anonymous().queryParam("topic", topic).get("/api/v1/feeds/publications.json").then().statusCode(200)
                .body("items[0].authors[0].name", equalTo("Meg King")).body("items[0].date_published", startsWith("2015-10-01"));
    }

    @Test
    void atomFeedsNameThemselvesEveryEntryHasAnAuthorAndJsonFeedItemsNameTheirs() throws Exception {
        String topic = uniqueTag();
        createEvent(topic);
        String atom = anonymous().queryParam("topic", topic).get("/api/v1/feeds/events.atom").then().statusCode(200).extract().asString();
        Document doc = xml(atom);
        NodeList links = doc.getElementsByTagNameNS("*", "link");
        boolean self = false;
        for (int i = 0; i < links.getLength(); i++) {
            org.w3c.dom.Element link = (org.w3c.dom.Element) links.item(i);
            self |= link.getAttribute("rel").equals("self") && link.getAttribute("href").contains("/api/v1/feeds/events.atom")
                    && link.getAttribute("type").equals("application/atom+xml");
        }
        assertTrue(self, "the Atom feed has a rel=\"self\" link to itself: " + atom);
        NodeList names = doc.getElementsByTagNameNS("*", "name");
        assertTrue(names.getLength() > 0, atom);
        for (int i = 0; i < names.getLength(); i++) {
            assertFalse(names.item(i).getTextContent().isBlank(), "an empty author name: " + atom);
        }
        JsonPath feed = anonymous().queryParam("topic", topic).get("/api/v1/feeds/events.json").then().statusCode(200).extract().jsonPath();
        assertEquals("localhost", feed.getString("items[0].authors[0].name"), "an event's item names the site as its author");
        assertEquals("localhost", feed.getString("authors[0].name"));
    }

    @Test
    void listsFeedsAndRecordsAnswerConditionalRequests() throws InterruptedException {
        String topic = uniqueTag();
        JsonPath event = createEvent(topic);
        // Last-Modified names a second only once it is over (a later write in it would share the date).
        Thread.sleep(1100);
        for (String path : List.of("/api/v1/events?topic=" + topic, "/api/v1/feeds/events.ics?topic=" + topic,
                "/api/v1/feeds/events.atom?topic=" + topic, "/api/v1/speakers", "/api/v1/publications",
                "/api/v1/events/" + event.getString("id"))) {
            var first = anonymous().get(path).then().statusCode(200)
                    .header("ETag", org.hamcrest.Matchers.notNullValue())
                    .header("Last-Modified", org.hamcrest.Matchers.notNullValue())
                    .header("Vary", containsString("Accept")).extract();
            anonymous().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(304);
            anonymous().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);
        }
        String list = "/api/v1/events?topic=" + topic;
        var before = anonymous().get(list).then().header("Cache-Control", containsString("public")).extract();
        given().get(list).then().header("Cache-Control", containsString("private"));
        given().contentType("application/merge-patch+json").body(Map.of("subtitle", "new")).patch("/api/v1/events/" + event.getString("id"))
                .then().statusCode(200);
        anonymous().header("If-None-Match", before.header("ETag")).get(list).then().statusCode(200).body("items[0].subtitle", equalTo("new"));
    }

    @Test
    void eventsAndPublicationsDescribeThemselvesInSchemaOrg() {
        String topic = uniqueTag();
        Map<String, Object> body = minimalEvent(topic);
        body.put("status", "CANCELLED");
        body.put("format", "HYBRID");
        body.put("onlineUrl", "https://www.cirsd.org/live");
        body.put("venue", Map.of("name", "CIRSD", "city", "Belgrade", "country", "RS"));
        JsonPath event = createEvent(body);
        String vuk = speaker("Vuk", "Jeremić");
        given().contentType(ContentType.JSON).body(Map.of("speaker", vuk, "role", "HOST"))
                .post("/api/v1/events/" + event.getString("id") + "/speakers").then().statusCode(201);
        anonymous().accept("application/ld+json").get("/api/v1/events/" + event.getString("slug")).then().statusCode(200)
                .contentType(startsWith("application/ld+json"))
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("Event"))
                .body("eventStatus", equalTo("https://schema.org/EventCancelled"))
                .body("eventAttendanceMode", equalTo("https://schema.org/MixedEventAttendanceMode"))
                .body("location['@type']", hasItem("Place"))
                .body("location['@type']", hasItem("VirtualLocation"))
                .body("performer[0].name", equalTo("Vuk Jeremić"))
                .body("organizer['@type']", equalTo("Organization"))
                .body("startDate", equalTo("2030-05-10T10:00:00+02:00"));
        anonymous().get("/api/v1/events/" + event.getString("slug")).then().contentType(startsWith("application/json"));

        String author = speaker("Robert S.", "Litwak");
        String slug = given().contentType(ContentType.JSON).body(Map.of("type", "ESSAY", "title", "Cyber " + topic,
                        "authors", List.of(author), "publishedOn", "2015-10",
                        "periodical", Map.of("name", "Horizons", "volume", "5", "issue", "2")))
                .post("/api/v1/publications").then().statusCode(201).extract().path("slug");
        anonymous().accept("application/ld+json").get("/api/v1/publications/" + slug).then().statusCode(200)
                .body("'@type'", equalTo("ScholarlyArticle"))
                .body("author[0].name", equalTo("Robert S. Litwak"))
                .body("datePublished", equalTo("2015-10"))
                .body("isPartOf['@type']", equalTo("PublicationIssue"))
                .body("isPartOf.isPartOf.isPartOf.name", equalTo("Horizons"));
    }

    @Test
    void browsersOnOtherOriginsMayCallTheApi() {
        anonymous().header("Origin", "https://partner.example.org").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "If-None-Match")
                .options("/api/v1/events").then()
                .header("Access-Control-Allow-Origin", "https://partner.example.org");
        anonymous().header("Origin", "https://partner.example.org").get("/api/v1/events").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://partner.example.org")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String tzid(VEvent event) {
        return event.<Property>getProperty("DTSTART").flatMap(p -> p.getParameter("TZID"))
                .map(parameter -> ((net.fortuna.ical4j.model.Parameter) parameter).getValue()).orElse(null);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
