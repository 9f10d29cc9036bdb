package org.eventregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed OpenAPI document is the contract: it must equal what the service serves, and
 * every operation in it must be documented. Run with -Dopenapi.update=true to rewrite the file.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void committedDocumentMatchesTheServedOne() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(COMMITTED), "openapi/openapi.yaml is missing; run ./mvnw verify -Dopenapi.update=true");
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                "openapi/openapi.yaml differs from /q/openapi; review the change and run ./mvnw verify -Dopenapi.update=true");
    }

    @Test
    void everyOperationHasSummaryParametersResponsesAndExamples() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> faults = new ArrayList<>();
        Set<String> operationIds = new java.util.HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (operation.path("summary").asText().isBlank()) {
                    faults.add(name + ": no summary");
                }
                String operationId = operation.path("operationId").asText();
                if (!operationId.matches("[a-z][A-Za-z0-9]*") || !operationIds.add(operationId)) {
                    faults.add(name + ": operationId '" + operationId + "' is missing, not a camelCase name or not unique");
                }
                for (String segment : path.getKey().split("/")) {
                    if (segment.startsWith("{") && !declaresParameter(operation, path.getValue(), segment.substring(1, segment.length() - 1))) {
                        faults.add(name + ": path parameter " + segment + " is not declared");
                    }
                }
                boolean example = operation.path("requestBody").path("content").findValues("examples").stream().anyMatch(e -> !e.isEmpty());
                JsonNode responses = operation.path("responses");
                if (responses.isEmpty()) {
                    faults.add(name + ": no responses");
                }
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = rs.next();
                    for (Iterator<Map.Entry<String, JsonNode>> media = response.getValue().path("content").fields(); media.hasNext(); ) {
                        Map.Entry<String, JsonNode> type = media.next();
                        if (!type.getValue().has("schema")) {
                            faults.add(name + " " + response.getKey() + " " + type.getKey() + ": no schema");
                        }
                        if (type.getValue().has("examples") || type.getValue().has("example")) {
                            example = true;
                        } else {
                            faults.add(name + " " + response.getKey() + " " + type.getKey() + ": no example");
                        }
                    }
                }
                if (!example) {
                    faults.add(name + ": no example at all");
                }
            }
        }
        assertTrue(operations > 0, "the document lists no operations");
        assertEquals(List.of(), faults);
    }

    @Test
    void everyWriteAndAdminOperationDeclaresTheBearerScheme() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        assertEquals("bearer", doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText());
        List<String> faults = new ArrayList<>();
        int protectedOperations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                boolean write = Set.of("put", "post", "delete", "patch").contains(op.getKey());
                if (!write && !path.getKey().startsWith("/api/v1/admin")) {
                    continue;
                }
                protectedOperations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode security = op.getValue().path("security");
                if (security.size() != 1 || !security.get(0).has("bearer")) {
                    faults.add(name + ": security is " + security);
                }
                for (String status : List.of("401", "403")) {
                    if (!op.getValue().path("responses").has(status)) {
                        faults.add(name + ": no " + status + " response");
                    }
                }
            }
        }
        assertTrue(protectedOperations >= 7, "expected the event writes and the admin operations, found " + protectedOperations);
        assertEquals(List.of(), faults);
    }

    private static boolean declaresParameter(JsonNode operation, JsonNode pathItem, String name) {
        for (JsonNode params : List.of(operation.path("parameters"), pathItem.path("parameters"))) {
            for (JsonNode param : params) {
                if (name.equals(param.path("name").asText()) && "path".equals(param.path("in").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
