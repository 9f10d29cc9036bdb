package org.eventregistry.lineup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eventregistry.change.PublicChanges;
import org.eventregistry.change.Writes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.problem;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Line-up bodies with a key twice are refused with 400 whichever way they are written, and change nothing. */
@QuarkusTest
class LineupBadInputCatalogueTest {

    private String lineupPath;
    private String speaker;
    private String place;
    private List<Map<String, Object>> before;
    private String head;

    @BeforeEach
    void createAnEventWithOnePlace() {
        String topic = uniqueTag();
        String event = createEvent(topic).getString("id");
        speaker = Writes.speaker("Meg", "King " + topic).getString("id");
        place = Writes.addToLineup(event, speaker, "MODERATOR").getString("id");
        lineupPath = "/api/v1/events/" + event + "/speakers";
        before = lineup();
        head = PublicChanges.head();
    }

    private List<Map<String, Object>> lineup() {
        JsonPath read = given().get(lineupPath).then().statusCode(200).extract().jsonPath();
        return read.getList("$");
    }

    private void assertNothingStored() {
        assertEquals(before, lineup(), "a refused request changed the line-up");
        assertEquals(List.of(), PublicChanges.follow(head).items(), "a refused request left a public change");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"role\":\"SPEAKER\",\"role\":\"KEYNOTE\"",
            "\"sessionTitle\":\"One\",\"sessionTitle\":\"Two\"",
            "\"order\":1,\"order\":2"})
    void refusesDuplicateKeysOnPostPutAndPatch(String members) {
        String entry = "{\"speaker\":\"" + speaker + "\"," + (members.contains("\"role\"") ? "" : "\"role\":\"SPEAKER\",") + members + "}";

        given().contentType(ContentType.JSON).body(entry).post(lineupPath).then().spec(problem(400));
        given().contentType(ContentType.JSON).body("[" + entry + "]").put(lineupPath).then().spec(problem(400));
        given().contentType(MERGE_PATCH_JSON).body("{" + members + "}").patch(lineupPath + "/" + place).then().spec(problem(400));

        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"speaker\":\"a\",\"speaker\":\"b\""})
    void refusesTheSpeakerNamedTwice(String members) {
        String entry = "{" + members.replace("\"a\"", "\"no-such-speaker\"").replace("\"b\"", "\"" + speaker + "\"")
                + ",\"role\":\"SPEAKER\"}";

        given().contentType(ContentType.JSON).body(entry).post(lineupPath).then().spec(problem(400));
        given().contentType(ContentType.JSON).body("[" + entry + "]").put(lineupPath).then().spec(problem(400));

        assertNothingStored();
    }
}
