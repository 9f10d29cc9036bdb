package org.eventregistry.access;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eventregistry.platform.http.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs at every start (mp.openapi.filter: Quarkus 3.34 builds the document when the application starts).
 * Completes the OpenAPI document from the same rule that guards the API ({@link AccessPolicy}): the
 * bearer scheme on every protected operation with its 401 and 403, the 400, 429 and 500 every operation
 * may answer, and an example on every problem response.
 */
public class ApiDocument implements OASFilter {

    static final String SCHEME = "bearer";

    private static final Map<String, String> DETAILS = Map.ofEntries(
            Map.entry("400", "Query parameter limit must be a whole number from 1 to 100"),
            Map.entry("401", "This operation needs a token: send 'Authorization: Bearer <token>'"),
            Map.entry("403", "This operation needs the STAFF role; your token has PARTNER"),
            Map.entry("404", "No record has the id or slug 'no-such-record'"),
            Map.entry("409", "The slug 'democracy-meets-strategy' is taken by another event"),
            Map.entry("412", "The event has changed since you read it (version 4 now); fetch it again and reapply your change"),
            Map.entry("413", "The body is larger than 1048576 bytes (1 MiB)"),
            Map.entry("415", "This Content-Type is not accepted here; send application/json"),
            Map.entry("422", "endsAt must not be before startsAt"),
            Map.entry("429", "The request budget of this token is spent; retry in 12 s"),
            Map.entry("406", "None of the media types in Accept can be produced here"),
            Map.entry("414", "The URL is longer than 8192 bytes"),
            Map.entry("431", "The headers are larger than 16384 bytes"),
            Map.entry("503", "The registry is busy with other writes to the same records; retry shortly"));
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "A malformed request: bad JSON, unknown field or parameter, wrong type"),
            Map.entry("401", "No token, or a token that is unknown, expired or revoked"),
            Map.entry("403", "The token's role is too low for this operation"),
            Map.entry("429", "The caller's request budget is spent; see Retry-After"),
            Map.entry("404", "No record has this id or slug"),
            Map.entry("409", "The write clashes with the current state: a taken slug, a duplicate, a record still in use"),
            Map.entry("412", "If-Match named an older version"),
            Map.entry("413", "The body is over 1 MiB"),
            Map.entry("415", "The body's Content-Type is not accepted here"),
            Map.entry("422", "A field breaks a rule"),
            Map.entry("406", "Accept names no media type this operation answers with"),
            Map.entry("414", "The URL is over 8 KiB"),
            Map.entry("431", "The headers are over 16 KiB"),
            Map.entry("500", "A failure of the registry (a bug)"),
            Map.entry("503", "A write kept losing races for the same records; see Retry-After"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        api.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token issued at /api/v1/admin/tokens, or a JWT from the configured OpenID Connect provider"));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, operation) -> {
            boolean isProtected = AccessPolicy.required(method.name(), path, null).isPresent();
            Contract.defaultOperationId(method.name(), path, operation, api);
            if (isProtected) {
                // The role the operation needs, named in the requirement (OpenAPI 3.1 allows roles for non-OAuth schemes).
                Role role = AccessPolicy.required(method.name(), path, null).orElseThrow();
                operation.setSecurity(null);
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME, role.name()));
            } else {
                // Public reads: a staff token additionally shows drafts and private fields.
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
            }
            APIResponses responses = operation.getResponses();
            if (responses == null) {
                return;
            }
            addProblem(responses, "400");
            addProblem(responses, "401");
            if (isProtected) {
                addProblem(responses, "403");
            }
            boolean names = path.contains("{");
            boolean body = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
            if (names) {
                addProblem(responses, "404");
            }
            if (body) {
                addProblem(responses, "413");
                addProblem(responses, "415");
                addProblem(responses, "422");
            }
            if (isProtected && !path.startsWith(AccessPolicy.ADMIN_PATH)) {
                addProblem(responses, "409");
            }
            if (names && (body || method == PathItem.HttpMethod.DELETE) && method != PathItem.HttpMethod.POST) {
                addProblem(responses, "412");
            }
            if (method == PathItem.HttpMethod.GET) {
                addProblem(responses, "406");
            }
            addProblem(responses, "414");
            addProblem(responses, "429");
            addProblem(responses, "431");
            addProblem(responses, "500");
            if (isProtected && !path.startsWith(AccessPolicy.ADMIN_PATH) && method != PathItem.HttpMethod.GET) {
                addProblem(responses, "503");
            }
            responses.getAPIResponses().forEach(ApiDocument::addExample);
        }));
        Contract.complete(api);
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        return item.getOperations() == null ? Map.of() : new LinkedHashMap<>(item.getOperations());
    }

    private static void addProblem(APIResponses responses, String status) {
        APIResponse present = responses.getAPIResponse(status);
        if (present != null && present.getContent() == null) {
            // Declared without a body (SmallRye's own 400 for validated parameters): every error answer is a problem.
            present.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("Problem"))));
            if (DESCRIPTIONS.containsKey(status)) {
                present.setDescription(DESCRIPTIONS.get(status));
            }
        }
        if (present == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse()
                    .description(DESCRIPTIONS.get(status))
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Problem")))));
        }
    }

    private static void addExample(String status, APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            return;
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media.getExamples() == null || media.getExamples().isEmpty()) {
            int code = Integer.parseInt(status);
            // Ordered, so the document is the same on every start.
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "/problems/" + (code == 422 ? "validation-failed" : "error-" + status));
            example.put("title", response.getDescription() == null ? "Error" : response.getDescription());
            example.put("status", code);
            example.put("detail", DETAILS.getOrDefault(status, String.valueOf(response.getDescription())));
            example.put("instance", "/api/v1/events");
            media.addExample("problem", OASFactory.createExample().value(example));
        }
    }
}
