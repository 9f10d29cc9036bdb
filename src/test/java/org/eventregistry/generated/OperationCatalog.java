package org.eventregistry.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of the committed OpenAPI document (openapi/openapi.yaml, which OpenApiDocumentTest keeps equal to
 * what the service serves), so an operation added later is fuzzed without anyone listing it here.
 */
public final class OperationCatalog {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String SCHEMAS = "#/components/schemas/";

    private final JsonNode document;
    private final List<ApiOperation> operations = new ArrayList<>();

    private OperationCatalog(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(op.getKey().toUpperCase(), path.getKey(), op.getValue(), path.getValue()));
                }
            }
        }
    }

    public static OperationCatalog committed() throws IOException {
        return new OperationCatalog(new YAMLMapper().readTree(Path.of("openapi", "openapi.yaml").toFile()));
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    /** Every enum value the document names, for query parameters whose schema is only "string". */
    public Set<String> enumValues() {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode schema : document.path("components").path("schemas")) {
            for (JsonNode value : schema.path("enum")) {
                values.add(value.asText());
            }
        }
        return values;
    }

    private ApiOperation operation(String method, String template, JsonNode op, JsonNode pathItem) {
        List<ApiOperation.QueryParameter> query = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (JsonNode params : List.of(op.path("parameters"), pathItem.path("parameters"))) {
            for (JsonNode param : params) {
                String in = param.path("in").asText();
                JsonNode schema = resolve(param.path("schema"));
                if (in.equals("query")) {
                    query.add(new ApiOperation.QueryParameter(param.path("name").asText(),
                            schema.path("type").asText().equals("array"), schema));
                } else if (in.equals("header")) {
                    headers.add(param.path("name").asText());
                }
            }
        }
        String mediaType = null;
        JsonNode schema = null;
        for (Iterator<Map.Entry<String, JsonNode>> media = op.path("requestBody").path("content").fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            mediaType = type.getKey();
            schema = resolve(type.getValue().path("schema"));
        }
        if (schema != null && schema.path("type").asText().equals("object") && !schema.has("properties")) {
            // a merge patch declares only "object": its fields are those the same path's PUT replaces
            JsonNode put = pathItem.path("put").path("requestBody").path("content");
            for (JsonNode content : put) {
                schema = resolve(content.path("schema"));
            }
        }
        return new ApiOperation(method, template, query, headers, mediaType, schema);
    }

    /** The schema with every $ref replaced by what it names (siblings of a $ref, such as examples, are kept). */
    public JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 12) {
            return schema;
        }
        if (schema.isArray()) {
            var copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            schema.forEach(item -> copy.add(resolve(item, depth + 1)));
            return copy;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith(SCHEMAS)) {
            JsonNode target = resolve(document.path("components").path("schemas").path(ref.substring(SCHEMAS.length())), depth + 1);
            if (target != null && target.isObject()) {
                copy.setAll((ObjectNode) target);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("$ref")) {
                continue;
            }
            if (field.getKey().equals("type") && copy.has("enum")) {
                continue;
            }
            copy.set(field.getKey(), field.getKey().equals("examples") || field.getKey().equals("enum")
                    ? field.getValue() : resolve(field.getValue(), depth + 1));
        }
        return copy;
    }
}
