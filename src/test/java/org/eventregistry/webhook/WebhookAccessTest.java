package org.eventregistry.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.issueToken;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.webhook.Webhooks.WEBHOOKS;
import static org.eventregistry.webhook.Webhooks.fields;
import static org.eventregistry.webhook.Webhooks.subscribe;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Partners manage their own subscriptions and cannot see another partner's; admins see and manage all. */
@QuarkusTest
class WebhookAccessTest {

    @Test
    void aPartnerNeitherSeesNorTouchesAnotherPartnersSubscription() {
        String alice = issueToken("PARTNER");
        String bob = issueToken("PARTNER");
        String id = subscribe(alice, fields("https://alice.example.org/hook", List.of("event.*"), uniqueTag())).getString("id");
        String path = WEBHOOKS + "/" + id;

        as(alice).get(path).then().statusCode(200).body("url", equalTo("https://alice.example.org/hook"))
                .body("owner", startsWith("token:"));
        as(alice).get(WEBHOOKS).then().statusCode(200).body("items.id", hasItem(id));

        as(bob).get(path).then().spec(problem(404));
        as(bob).get(WEBHOOKS).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(bob).get(path + "/deliveries").then().spec(problem(404));
        as(bob).contentType(MERGE_PATCH_JSON).body(Map.of("active", false)).patch(path).then().spec(problem(404));
        as(bob).post(path + "/ping").then().spec(problem(404));
        as(bob).post(path + "/rotate-secret").then().spec(problem(404));
        as(bob).delete(path).then().spec(problem(404));

        given().get(WEBHOOKS).then().statusCode(200).body("items.id", hasItem(id));
        given().contentType(MERGE_PATCH_JSON).body(Map.of("description", "checked by the admin")).patch(path).then().statusCode(200);
        as(alice).get(path).then().statusCode(200).body("active", equalTo(true)).body("description", equalTo("checked by the admin"));
        as(alice).delete(path).then().statusCode(204);
        given().get(path).then().spec(problem(404));
    }

    @Test
    void webhooksNeedAToken() {
        anonymous().get(WEBHOOKS).then().spec(problem(401));
        anonymous().contentType(ContentType.JSON).body(fields("https://a.example.org/hook", List.of("event.*"), null))
                .post(WEBHOOKS).then().spec(problem(401));
    }

    @Test
    void theSecretIsShownOnlyWhenCreatedOrRotated() {
        String partner = issueToken("PARTNER");
        var created = subscribe(partner, fields("https://a.example.org/hook", List.of("event.*"), null));
        String id = created.getString("id");
        as(partner).get(WEBHOOKS + "/" + id).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        as(partner).get(WEBHOOKS).then().statusCode(200).body("items[0]", not(org.hamcrest.Matchers.hasKey("secret")));
        as(partner).post(WEBHOOKS + "/" + id + "/rotate-secret").then().statusCode(200).body("secret", startsWith("whsec_"));
    }
}
