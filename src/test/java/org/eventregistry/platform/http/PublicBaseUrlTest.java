package org.eventregistry.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eventregistry.change.Writes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.eventregistry.RegistryApi.ADMIN_TOKEN;
import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With registry.public-base-url set, Location names the registry's public address, whatever Host the request carried. */
@QuarkusTest
@TestProfile(PublicBaseUrlTest.PublicAddress.class)
class PublicBaseUrlTest {

    static final String BASE = "https://registry.example.org";

    /**
     * The registry's public address, as a deployment behind a proxy sets it. Unknown registry.* keys are let through
     * so that, while the setting does not exist, the tests start and fail on what they check rather than at start-up.
     */
    public static class PublicAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.public-base-url", BASE, "smallrye.config.mapping.validate-unknown", "false");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs as admin with a forged Host (and any extra header lines), and returns the answer. */
    private static RawHttp.Answer post(String path, Object body, String extraHeaders) throws IOException {
        return RawHttp.send("POST " + path + " HTTP/1.1\r\n"
                + "Host: evil.example\r\n"
                + "Authorization: Bearer " + ADMIN_TOKEN + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json"
                + extraHeaders, json(body));
    }

    private static void assertLocationAtThePublicAddress(String collection, RawHttp.Answer answer) {
        assertEquals(201, answer.status(), answer.toString());
        String location = answer.header("Location");
        assertTrue(location != null && location.startsWith(BASE + collection + "/"), "Location: " + location);
        assertTrue(!location.contains("evil.example"), "Location: " + location);
    }

    @Test
    @Timeout(30)
    void theHostHeaderIsNotReflectedIntoLocation() throws IOException {
        assertLocationAtThePublicAddress(EVENTS, post(EVENTS, minimalEvent(uniqueTag()), ""));
    }

    @Test
    @Timeout(30)
    void forwardedHeadersAreNotReflectedIntoLocationEither() throws IOException {
        assertLocationAtThePublicAddress(EVENTS, post(EVENTS, minimalEvent(uniqueTag()),
                "\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\nForwarded: host=evil.example;proto=http"));
    }

    @Test
    @Timeout(30)
    void aReplayedCreateNamesThePublicAddressToo() throws IOException {
        Map<String, Object> body = minimalEvent(uniqueTag());
        String key = "\r\nIdempotency-Key: " + UUID.randomUUID();
        RawHttp.Answer first = post(EVENTS, body, key);
        RawHttp.Answer replay = post(EVENTS, body, key);

        assertLocationAtThePublicAddress(EVENTS, first);
        assertLocationAtThePublicAddress(EVENTS, replay);
        assertEquals(first.header("Location"), replay.header("Location"));
    }

    @Test
    @Timeout(30)
    void everyCreateNamesThePublicAddress() throws IOException {
        String topic = uniqueTag();
        Map<String, Object> speaker = new LinkedHashMap<>();
        speaker.put("givenName", "Meg");
        speaker.put("familyName", "King " + topic);
        assertLocationAtThePublicAddress("/api/v1/speakers", post("/api/v1/speakers", speaker, ""));

        assertLocationAtThePublicAddress("/api/v1/publications",
                post("/api/v1/publications", Writes.publication(topic, "PUBLISHED", List.of()), ""));

        assertLocationAtThePublicAddress("/api/v1/admin/tokens",
                post("/api/v1/admin/tokens", Map.of("name", "Host " + topic, "role", "PARTNER"), ""));

        String event = createEvent(topic).getString("id");
        String speakerId = Writes.speaker("Vuk", "Jeremić " + topic).getString("id");
        assertLocationAtThePublicAddress(EVENTS + "/" + event + "/speakers",
                post(EVENTS + "/" + event + "/speakers", Map.of("speaker", speakerId, "role", "MODERATOR"), ""));
    }
}
