package org.eventregistry.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.eventregistry.RegistryApi.ADMIN_TOKEN;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.issueToken;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Who may do what: anonymous, partner, staff and admin against every write, every draft and the admin API. */
@QuarkusTest
class AccessControlTest {

    private static String createEvent(String token, String topic, String status) {
        return as(token).contentType(ContentType.JSON).body(event("Access " + topic, topic, status))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
    }

    private static int countWithTopic(String topic) {
        return as(ADMIN_TOKEN).queryParam("topic", topic).get("/api/v1/events").then().statusCode(200).extract().path("total");
    }

    @Test
    void anonymousCallersCannotWriteAndAreChallenged() {
        String topic = uniqueTag();
        String id = createEvent(ADMIN_TOKEN, topic, "PUBLISHED");
        anonymous().contentType(ContentType.JSON).body(event("Anonymous " + topic, topic, "PUBLISHED")).post("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        anonymous().contentType(ContentType.JSON).body(event("Changed", topic, "PUBLISHED")).put("/api/v1/events/" + id)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        anonymous().contentType("application/merge-patch+json").body(Map.of("title", "Changed")).patch("/api/v1/events/" + id)
                .then().statusCode(401);
        anonymous().delete("/api/v1/events/" + id).then().statusCode(401);
        as(ADMIN_TOKEN).get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("Access " + topic)).body("version", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(1, countWithTopic(topic));
    }

    @Test
    void partnersMayReadButNotWrite() {
        String partner = issueToken("PARTNER");
        String topic = uniqueTag();
        String id = createEvent(ADMIN_TOKEN, topic, "PUBLISHED");
        as(partner).contentType(ContentType.JSON).body(event("Partner " + topic, topic, "PUBLISHED")).post("/api/v1/events")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("STAFF"));
        as(partner).contentType(ContentType.JSON).body(event("Changed", topic, "PUBLISHED")).put("/api/v1/events/" + id)
                .then().statusCode(403);
        as(partner).contentType("application/merge-patch+json").body(Map.of("title", "Changed")).patch("/api/v1/events/" + id)
                .then().statusCode(403);
        as(partner).delete("/api/v1/events/" + id).then().statusCode(403);
        as(partner).get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("Access " + topic));
        org.junit.jupiter.api.Assertions.assertEquals(1, countWithTopic(topic));
    }

    @Test
    void staffAndAdminMayMakeEveryWrite() {
        for (String token : new String[]{issueToken("STAFF"), ADMIN_TOKEN}) {
            String topic = uniqueTag();
            String id = createEvent(token, topic, "PUBLISHED");
            as(token).contentType(ContentType.JSON).body(event("Replaced " + topic, topic, "PUBLISHED")).put("/api/v1/events/" + id)
                    .then().statusCode(200).body("title", equalTo("Replaced " + topic));
            as(token).contentType("application/merge-patch+json").body(Map.of("subtitle", "Patched")).patch("/api/v1/events/" + id)
                    .then().statusCode(200).body("subtitle", equalTo("Patched"));
            as(token).delete("/api/v1/events/" + id).then().statusCode(204);
            as(ADMIN_TOKEN).get("/api/v1/events/" + id).then().statusCode(404);
        }
    }

    @Test
    void draftsAreInvisibleToAnonymousAndPartnersAndVisibleToStaff() {
        String partner = issueToken("PARTNER");
        String staff = issueToken("STAFF");
        String topic = uniqueTag();
        String draft = createEvent(staff, topic, "DRAFT");
        String published = createEvent(staff, topic, "PUBLISHED");

        for (var caller : new io.restassured.specification.RequestSpecification[]{anonymous(), as(partner)}) {
            caller.get("/api/v1/events/" + draft).then().statusCode(404).contentType("application/problem+json");
        }
        for (var caller : new io.restassured.specification.RequestSpecification[]{anonymous(), as(partner)}) {
            caller.queryParam("topic", topic).get("/api/v1/events").then().statusCode(200)
                    .body("total", equalTo(1)).body("items.id", not(hasItem(draft))).body("items.id", hasItem(published));
        }
        anonymous().queryParam("topic", topic).queryParam("publicationStatus", "DRAFT").get("/api/v1/events")
                .then().statusCode(200).body("total", equalTo(0)).body("items", empty());

        as(staff).get("/api/v1/events/" + draft).then().statusCode(200).body("publicationStatus", equalTo("DRAFT"));
        as(staff).queryParam("topic", topic).get("/api/v1/events").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", hasItem(draft));
        as(ADMIN_TOKEN).queryParam("topic", topic).queryParam("publicationStatus", "DRAFT").get("/api/v1/events")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(draft));
    }

    @Test
    void tokenSecretIsShownOnceAndWorksUntilRevoked() {
        Response created = as(ADMIN_TOKEN).contentType(ContentType.JSON).body(Map.of("name", "Press office " + uniqueTag(), "role", "STAFF"))
                .post("/api/v1/admin/tokens");
        created.then().statusCode(201).header("Location", containsString("/api/v1/admin/tokens/"))
                .body("token", startsWith("reg_")).body("state", equalTo("ACTIVE")).body("lastUsedAt", nullValue());
        String id = created.path("id");
        String secret = created.path("token");

        as(ADMIN_TOKEN).get("/api/v1/admin/tokens/" + id).then().statusCode(200)
                .body("token", nullValue()).body("hint", equalTo(secret.substring(0, 9))).body("role", equalTo("STAFF"));
        as(ADMIN_TOKEN).queryParam("limit", 100).get("/api/v1/admin/tokens").then().statusCode(200)
                .body("items.token", not(hasItem(notNullValue())))
                .body("items.id", hasItem(id));

        String topic = uniqueTag();
        createEvent(secret, topic, "PUBLISHED");
        as(ADMIN_TOKEN).get("/api/v1/admin/tokens/" + id).then().body("lastUsedAt", notNullValue());

        as(ADMIN_TOKEN).delete("/api/v1/admin/tokens/" + id).then().statusCode(204);
        as(ADMIN_TOKEN).get("/api/v1/admin/tokens/" + id).then().body("state", equalTo("REVOKED")).body("revokedAt", notNullValue());
        as(secret).contentType(ContentType.JSON).body(event("After revocation", topic, "PUBLISHED")).post("/api/v1/events")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
        as(secret).get("/api/v1/events").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(1, countWithTopic(topic));
    }

    @Test
    void expiredTokensAreRefused() throws InterruptedException {
        String expires = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString();
        String secret = as(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Short-lived " + uniqueTag(), "role", "STAFF", "expiresAt", expires))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("token");
        as(secret).get("/api/v1/events").then().statusCode(200);
        Thread.sleep(2500);
        as(secret).get("/api/v1/events").then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));

        as(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Born expired", "role", "STAFF", "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/admin/tokens").then().statusCode(422).body("errors[0].pointer", equalTo("/expiresAt"));
    }

    @Test
    void tokenManagementAndAuditAreForAdminsOnly() {
        String staff = issueToken("STAFF");
        String partner = issueToken("PARTNER");
        for (String path : new String[]{"/api/v1/admin/tokens", "/api/v1/admin/audit"}) {
            anonymous().get(path).then().statusCode(401);
            as(partner).get(path).then().statusCode(403);
            as(staff).get(path).then().statusCode(403).contentType("application/problem+json");
            as(ADMIN_TOKEN).get(path).then().statusCode(200);
        }
        as(staff).contentType(ContentType.JSON).body(Map.of("name", "Self-promotion", "role", "ADMIN_TOKEN"))
                .post("/api/v1/admin/tokens").then().statusCode(403);
    }

    @Test
    void unknownOrMalformedCredentialsAreRefusedEvenForReads() {
        anonymous().header("Authorization", "Bearer reg_not-a-real-token").get("/api/v1/events")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
        anonymous().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/events")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_request"));
        anonymous().header("Authorization", "Bearer ").get("/api/v1/events").then().statusCode(401);
    }

    @Test
    void everyWriteIsAuditedWithActorRecordOperationAndRequestId() {
        String staffName = "Audit desk " + uniqueTag();
        String staff = as(ADMIN_TOKEN).contentType(ContentType.JSON).body(Map.of("name", staffName, "role", "STAFF"))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("token");
        String topic = uniqueTag();
        String requestId = "req-" + topic;
        String id = as(staff).header("X-Request-Id", requestId).contentType(ContentType.JSON).body(event("Audited " + topic, topic, "PUBLISHED"))
                .post("/api/v1/events").then().statusCode(201).header("X-Request-Id", requestId).extract().path("id");
        as(staff).contentType("application/merge-patch+json").body(Map.of("subtitle", "x")).patch("/api/v1/events/" + id).then().statusCode(200);
        as(staff).delete("/api/v1/events/" + id).then().statusCode(204);

        as(ADMIN_TOKEN).queryParam("requestId", requestId).get("/api/v1/admin/audit").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo("token:" + staffName))
                .body("items[0].actorRole", equalTo("STAFF"))
                .body("items[0].kind", equalTo("event"))
                .body("items[0].recordId", equalTo(id))
                .body("items[0].operation", equalTo("CREATE"))
                .body("items[0].at", notNullValue());
        as(ADMIN_TOKEN).queryParam("recordId", id).get("/api/v1/admin/audit").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.operation", org.hamcrest.Matchers.contains("DELETE", "UPDATE", "CREATE"));
        as(ADMIN_TOKEN).queryParam("recordId", id).queryParam("operation", "DELETE").queryParam("actor", "token:" + staffName)
                .get("/api/v1/admin/audit").then().statusCode(200).body("total", equalTo(1));
        as(ADMIN_TOKEN).queryParam("operation", "EXPLODE").get("/api/v1/admin/audit").then().statusCode(400);
        // A refused write leaves no trace.
        anonymous().delete("/api/v1/events/" + id).then().statusCode(401);
        as(ADMIN_TOKEN).queryParam("recordId", id).get("/api/v1/admin/audit").then().body("total", equalTo(3));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        anonymous().get("/api/v1/events").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Request-Id", notNullValue());
        anonymous().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")));
    }

    @Test
    void storedRichTextCannotCarryScript() {
        String topic = uniqueTag();
        Map<String, Object> body = new java.util.HashMap<>(event("Sanitised " + topic, topic, "PUBLISHED"));
        body.put("description", "<p onclick=\"steal()\">Hello <script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
                + "<a href=\"data:text/html,hi\">y</a><img src=x onerror=alert(3)><a href=\"https://www.cirsd.org\">ok</a></p>");
        String description = as(ADMIN_TOKEN).contentType(ContentType.JSON).body(body).post("/api/v1/events")
                .then().statusCode(201).extract().path("description");
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertFalse(description.contains("script"), description),
                () -> org.junit.jupiter.api.Assertions.assertFalse(description.contains("onclick"), description),
                () -> org.junit.jupiter.api.Assertions.assertFalse(description.contains("javascript:"), description),
                () -> org.junit.jupiter.api.Assertions.assertFalse(description.contains("data:"), description),
                () -> org.junit.jupiter.api.Assertions.assertFalse(description.contains("onerror"), description),
                () -> org.junit.jupiter.api.Assertions.assertTrue(description.contains("href=\"https://www.cirsd.org\""), description));
    }
}
