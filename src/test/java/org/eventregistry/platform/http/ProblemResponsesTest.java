package org.eventregistry.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Errors that no resource method raises itself still come back as problem+json. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void answersAnUnknownPathWithAProblem() {
        given().when().get("/api/v1/no-such-collection-" + uniqueTag())
                .then().spec(problem(404));
    }

    @Test
    void answersAnUnsupportedMethodWithAProblem() {
        given().contentType(ContentType.JSON).body("{}").when().put(EVENTS)
                .then().spec(problem(405));
    }

    @Test
    void namesTheRequestInTheProblem() {
        String path = EVENTS + "/no-such-event-" + uniqueTag();
        given().when().get(path)
                .then().spec(problem(404))
                .body("instance", equalTo(path))
                .body("type", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void answersAnUnacceptableMediaTypeWithoutHtml() {
        String id = createEvent(uniqueTag()).getString("id");

        given().accept("text/html").when().get(EVENTS + "/" + id)
                .then().statusCode(406)
                .header("Content-Type", not(containsString("html")))
                .body(not(containsString("<html")));
    }
}
