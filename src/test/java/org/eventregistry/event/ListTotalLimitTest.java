package org.eventregistry.event;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Lists count their matches up to registry.list-total-limit and say when there are more. */
@QuarkusTest
@TestProfile(ListTotalLimitTest.CountToThree.class)
class ListTotalLimitTest {

    /** Counts up to three. */
    public static class CountToThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.list-total-limit", "3");
        }
    }

    @Test
    void countsExactlyUpToTheLimit() {
        String topic = uniqueTag();
        for (int i = 0; i < 3; i++) {
            createEvent(topic);
        }

        given().queryParam("topic", topic).queryParam("limit", 1).when().get(EVENTS)
                .then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(3)).body("totalExact", equalTo(true));
    }

    @Test
    void answersTheLimitAsALowerBoundWhenMoreMatch() {
        String topic = uniqueTag();
        for (int i = 0; i < 5; i++) {
            createEvent(topic);
        }

        given().queryParam("topic", topic).queryParam("limit", 5).when().get(EVENTS)
                .then().statusCode(200).body("items", hasSize(5)).body("total", equalTo(3)).body("totalExact", equalTo(false));
        given().queryParam("topic", topic).queryParam("limit", 2).when().get(EVENTS)
                .then().statusCode(200).body("items", hasSize(2)).body("total", equalTo(3)).body("totalExact", equalTo(false));
    }
}
