package org.eventregistry.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.webhook.Webhooks.WEBHOOKS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With private targets refused (the default), subscriptions to the registry's own network are 422 problems and store nothing. */
@QuarkusTest
@TestProfile(StrictTargets.class)
class RefusedTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "http://partner.example.org/hook",
            "https://127.0.0.1/hook",
            "https://127.0.0.1:8443/hook",
            "https://localhost/hook",
            "https://[::1]/hook",
            "https://169.254.169.254/latest/meta-data/",
            "https://[fd00:ec2::254]/latest/meta-data/",
            "https://10.0.0.8/hook",
            "https://192.168.1.20/hook",
            "https://172.16.5.4/hook",
            "https://[fc00::1]/hook",
            "https://[fe80::1]/hook",
            "https://0.0.0.0/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://100.64.0.1/hook",
    })
    void refusesTargetsOnPrivateOrMetadataAddresses(String url) {
        int before = total();
        given().contentType(ContentType.JSON).body(Map.of("url", url, "types", List.of("event.*")))
                .post(WEBHOOKS)
                .then().spec(problem(422)).body("errors[0].pointer", equalTo("/url"));
        assertEquals(before, total(), "a refused subscription was stored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost/hook", "https://169.254.169.254/"})
    void aPatchCannotMoveATargetOntoAPrivateAddress(String url) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner.example.org/hook", "types", List.of("event.*")))
                .post(WEBHOOKS).then().statusCode(201).extract().path("id");
        given().contentType("application/merge-patch+json").body(Map.of("url", url)).patch(WEBHOOKS + "/" + id)
                .then().spec(problem(422));
        given().get(WEBHOOKS + "/" + id).then().statusCode(200).body("url", equalTo("https://partner.example.org/hook"));
    }

    private static int total() {
        return given().get(WEBHOOKS).then().statusCode(200).extract().path("total");
    }
}
