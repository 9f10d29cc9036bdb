package org.eventregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A cursor older than the retention is a 410 telling the client to resync from the lists. */
@QuarkusTest
@TestProfile(ChangeRetentionTest.ShortMemory.class)
class ChangeRetentionTest {

    /** Changes are kept two seconds, and the purge runs every second. */
    public static class ShortMemory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.changes.retention", "PT2S", "registry.changes.purge-interval", "PT1S");
        }
    }

    @Test
    void aCursorPastTheRetentionIsGone() throws InterruptedException {
        String old = anonymous().queryParam("after", "now").get(ChangeStreamTest.CHANGES).then().extract().path("nextCursor");
        createEvent(uniqueTag());
        Thread.sleep(2500);
        createEvent(uniqueTag());
        for (int tries = 0; tries < 50 && anonymous().queryParam("after", old).get(ChangeStreamTest.CHANGES).statusCode() != 410; tries++) {
            Thread.sleep(100);
        }
        anonymous().queryParam("after", old).get(ChangeStreamTest.CHANGES).then().statusCode(410)
                .contentType(PROBLEM_JSON).body("status", equalTo(410)).body("detail", containsString("Resync"));
        anonymous().get(ChangeStreamTest.CHANGES).then().statusCode(410);
        String fresh = anonymous().queryParam("after", "now").get(ChangeStreamTest.CHANGES).then().statusCode(200).extract().path("nextCursor");
        createEvent(uniqueTag());
        anonymous().queryParam("after", fresh).get(ChangeStreamTest.CHANGES).then().statusCode(200).body("items.size()", equalTo(1));
    }
}
