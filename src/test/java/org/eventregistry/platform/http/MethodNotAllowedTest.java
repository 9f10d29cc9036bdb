package org.eventregistry.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A method a path does not offer is a 405 naming the ones it does (RFC 9110), also on sub-resources; OPTIONS names them too. */
@QuarkusTest
class MethodNotAllowedTest {

    @Test
    void aMethodTheSubResourceDoesNotOfferIs405WithAllow() {
        String event = createEvent(uniqueTag()).getString("id");
        given().post("/api/v1/events/" + event + "/speakers/01JXE1P2Q3R4S5T6V7W8X9Y0Z1")
                .then().statusCode(405).contentType(startsWith(PROBLEM_JSON))
                .header("Allow", equalTo("DELETE, OPTIONS, PATCH"))
                .body("status", equalTo(405)).body("detail", containsString("POST"));
        given().delete("/api/v1/events/" + event + "/calendar.ics")
                .then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void aMethodTheCollectionDoesNotOfferIs405WithAllow() {
        given().delete("/api/v1/events").then().statusCode(405).contentType(startsWith(PROBLEM_JSON))
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().put("/api/v1/changes").then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void optionsNamesTheMethodsOfThePathNotOfItsResourceClass() {
        given().options("/api/v1/events/some-event/speakers/01JXE1P2Q3R4S5T6V7W8X9Y0Z1")
                .then().statusCode(204).header("Allow", equalTo("DELETE, OPTIONS, PATCH"));
        given().options("/api/v1/events/some-event")
                .then().statusCode(204).header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"));
    }

    @Test
    void aPathNoResourceHasIsStill404() {
        given().post("/api/v1/nothing-here").then().statusCode(404).contentType(startsWith(PROBLEM_JSON));
        given().get("/api/v1/events/a/b/c/d").then().statusCode(404);
    }
}
