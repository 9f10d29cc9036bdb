package org.eventregistry.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.ADMIN_TOKEN;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** JWTs from an OpenID Connect provider, signed here with a test key, map a claim to registry roles. */
@QuarkusTest
@TestProfile(JwtBearerTest.Oidc.class)
class JwtBearerTest {

    private static final String ISSUER = "https://login.example.org/realms/cirsd";

    /** OIDC on, trusting the public half of src/test/resources/jwt/signer.pem, roles in Keycloak's realm_access.roles. */
    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "registry.oidc.enabled", "true",
                    "registry.oidc.issuer", ISSUER,
                    "registry.oidc.audience", "registry",
                    "registry.oidc.role-claim", "realm_access.roles",
                    "registry.oidc.public-key", resource("/jwt/signer.pub.pem"));
        }
    }

    @Test
    void aStaffJwtMayWriteAndIsAuditedUnderItsSubject() {
        String jwt = sign("signer", claims("ana.petrovic", List.of("registry-staff"), ISSUER, 300));
        String topic = uniqueTag();
        String id = as(jwt).contentType(ContentType.JSON).body(event("JWT " + topic, topic, "DRAFT")).post("/api/v1/events")
                .then().statusCode(201).extract().path("id");
        as(jwt).get("/api/v1/events/" + id).then().statusCode(200);
        as(ADMIN_TOKEN).queryParam("recordId", id).get("/api/v1/admin/audit").then()
                .body("items[0].actor", equalTo("jwt:ana.petrovic")).body("items[0].actorRole", equalTo("STAFF"));
    }

    @Test
    void aPartnerJwtMayNotWrite() {
        String jwt = sign("signer", claims("partner-app", List.of("registry-partner"), ISSUER, 300));
        as(jwt).contentType(ContentType.JSON).body(event("JWT partner", uniqueTag(), "PUBLISHED")).post("/api/v1/events")
                .then().statusCode(403);
        as(jwt).get("/api/v1/events").then().statusCode(200);
    }

    @Test
    void expiredForgedForeignAndRolelessJwtsAreRefused() {
        List<String> refused = List.of(
                sign("signer", claims("late", List.of("registry-staff"), ISSUER, -120)),
                sign("stranger", claims("mallory", List.of("registry-admin"), ISSUER, 300)),
                sign("signer", claims("elsewhere", List.of("registry-admin"), "https://evil.example.com", 300)),
                sign("signer", claims("nobody", List.of("offline_access"), ISSUER, 300)));
        for (String jwt : refused) {
            as(jwt).get("/api/v1/events").then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
        }
        anonymous().get("/api/v1/events").then().statusCode(200);
    }

    private static JwtClaims claims(String user, List<String> roles, String issuer, int expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("registry");
        claims.setSubject("subject-" + user);
        claims.setClaim("preferred_username", user);
        claims.setClaim("realm_access", Map.of("roles", roles));
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(expiresInSeconds);
        claims.setExpirationTime(expiry);
        return claims;
    }

    private static String sign(String key, JwtClaims claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKey(privateKey(resource("/jwt/" + key + ".pem")));
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String resource(String path) {
        try (InputStream in = JwtBearerTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Missing test resource " + path, e);
        }
    }
}
