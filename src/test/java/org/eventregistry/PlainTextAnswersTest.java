package org.eventregistry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * Citations and .ics files are text: a client whose first choice is text/plain (as generated SDKs ask) gets the same
 * text as text/plain; everyone else gets the specific media type as before.
 */
@QuarkusTest
class PlainTextAnswersTest {

    @Test
    void aCitationAnswersTextPlainWhenThatIsTheFirstChoice() {
        String topic = uniqueTag();
        String slug = given().contentType(ContentType.JSON)
                .body(Map.of("type", "ESSAY", "title", "Plain " + topic, "topics", List.of(topic), "publishedOn", "2020"))
                .post("/api/v1/publications").then().statusCode(201).extract().path("slug");
        String citation = "/api/v1/publications/" + slug + "/citation";
        anonymous().accept("text/plain, application/x-bibtex").get(citation)
                .then().statusCode(200).contentType(startsWith("text/plain")).body(startsWith("@"));
        anonymous().accept("text/plain").queryParam("format", "ris").get(citation)
                .then().statusCode(200).contentType(startsWith("text/plain")).body(startsWith("TY  - "));
        anonymous().accept("application/x-bibtex, text/plain").get(citation)
                .then().statusCode(200).contentType(startsWith("application/x-bibtex"));
        anonymous().get(citation).then().statusCode(200).contentType(startsWith("application/x-bibtex"));
    }

    @Test
    void anIcsFileAnswersTextPlainWhenThatIsTheFirstChoice() {
        String slug = createEvent(uniqueTag()).getString("slug");
        String ics = "/api/v1/events/" + slug + "/calendar.ics";
        anonymous().accept("text/plain, text/calendar").get(ics)
                .then().statusCode(200).contentType(startsWith("text/plain")).body(startsWith("BEGIN:VCALENDAR"));
        anonymous().get(ics).then().statusCode(200).contentType(startsWith("text/calendar")).body(containsString("END:VCALENDAR"));
        anonymous().accept("text/calendar, text/plain;q=0.5").get(ics).then().statusCode(200).contentType(startsWith("text/calendar"));
    }
}
