package org.eventregistry.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.as;
import static org.eventregistry.RegistryApi.issueToken;
import static org.eventregistry.RegistryApi.problem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the served OpenAPI document and sends every operation that needs a token ({@link AccessPolicy}: every write,
 * everything under /api/v1/admin and /api/v1/webhooks) without a token, with a partner token and with a staff token,
 * so a resource added later is checked without anyone listing it here.
 */
@QuarkusTest
class EveryWriteIsProtectedTest {

    private static final String DUMMY_REF = "no-such-ref";

    /** One operation of the document, ready to send, and the least role it needs. */
    private record Operation(String method, String template, String path, String body, Role least) {

        Response send(RequestSpecification request) {
            return request.contentType("application/json").body(body).request(method, path);
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    @Test
    void everyWriteAndEveryAdminOperationNeedsAToken() throws IOException {
        List<Operation> operations = protectedOperations();
        assertTrue(operations.size() >= 12, "only " + operations.size() + " protected operations found: " + operations);

        String partner = issueToken("PARTNER");
        String staff = issueToken("STAFF");
        List<String> faults = new ArrayList<>();
        for (Operation operation : operations) {
            Response refused = operation.send(anonymous());
            try {
                refused.then().spec(problem(401)).header("WWW-Authenticate", startsWith("Bearer"));
            } catch (AssertionError e) {
                faults.add(operation + " anonymous: " + refused.statusCode() + " " + refused.getHeader("WWW-Authenticate"));
            }
            Response asPartner = operation.send(as(partner));
            if (operation.least() == Role.PARTNER) {
                if (asPartner.statusCode() == 401 || asPartner.statusCode() == 403) {
                    faults.add(operation + " partner on a partner operation: " + asPartner.statusCode());
                }
            } else {
                try {
                    asPartner.then().spec(problem(403));
                } catch (AssertionError e) {
                    faults.add(operation + " partner: " + asPartner.statusCode() + " " + asPartner.contentType());
                }
            }
            Response asStaff = operation.send(as(staff));
            if (operation.least() == Role.ADMIN) {
                if (asStaff.statusCode() != 403 || !asStaff.contentType().startsWith(PROBLEM_JSON)) {
                    faults.add(operation + " staff on an admin operation: " + asStaff.statusCode());
                }
            } else if (asStaff.statusCode() == 401 || asStaff.statusCode() == 403) {
                faults.add(operation + " staff: " + asStaff.statusCode() + " " + asStaff.body().asString());
            }
        }
        assertTrue(faults.isEmpty(), "checked " + operations.size() + " operations; wrong answers:\n" + String.join("\n", faults));
    }

    /** Every operation the policy must guard: all writes, and everything under /api/v1/admin and /api/v1/webhooks. */
    private static List<Operation> protectedOperations() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(anonymous().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey();
                Optional<Role> least = AccessPolicy.required(method.toUpperCase(Locale.ROOT), template, null);
                if (least.isEmpty()) {
                    continue;
                }
                String concrete = template.replaceAll("\\{[^}/]+}", DUMMY_REF);
                String body = takesAnArray(doc, op.getValue()) ? "[]" : "{}";
                operations.add(new Operation(method, template, concrete, body, least.get()));
            }
        }
        return operations;
    }

    private static boolean takesAnArray(JsonNode doc, JsonNode operation) {
        for (JsonNode media : operation.path("requestBody").path("content")) {
            JsonNode schema = media.path("schema");
            String ref = schema.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                schema = doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            }
            if (schema.path("type").asText("").equals("array")) {
                return true;
            }
        }
        return false;
    }
}
