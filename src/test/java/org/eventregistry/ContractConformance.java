package org.eventregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Holds every answer the test suite receives to the committed contract, openapi/openapi.yaml: the operation must be
 * in the document, the status declared for it, the media type of a body declared for that status, and a JSON body
 * valid against the declared schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1). A drift between server and
 * document fails the test that met it. Installed once for the whole suite as a REST Assured filter ({@link #install()}),
 * so it covers any operation, including ones added later.
 */
public final class ContractConformance implements Filter {

    private static final Path DOCUMENT = Path.of("openapi", "openapi.yaml");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean installed;

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, int literals) {
    }

    ContractConformance(JsonNode document) {
        this.document = document;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            StringBuilder regex = new StringBuilder("^");
            int literals = 0;
            for (String segment : template.substring(1).split("/")) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            routes.add(new Route(template, Pattern.compile(regex.append('$').toString()), literals));
        }
    }

    /** Adds the filter to every REST Assured request of this JVM, once. */
    public static synchronized void install() {
        if (!installed) {
            RestAssured.filters(new ContractConformance(load()));
            installed = true;
        }
    }

    static JsonNode load() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DOCUMENT));
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/openapi.yaml cannot be read", e);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        List<String> faults = check(request.getMethod(), URI.create(request.getURI()).getRawPath(), answer.statusCode(),
                answer.contentType(), answer.asByteArray());
        if (!faults.isEmpty()) {
            throw new AssertionError("The answer breaks the contract (openapi/openapi.yaml): " + request.getMethod() + " "
                    + request.getURI() + " -> " + answer.statusCode() + "\n  " + String.join("\n  ", faults));
        }
        return answer;
    }

    /** What is wrong with an answer by the contract; empty when it conforms or the path is not the API's. */
    List<String> check(String method, String path, int status, String contentType, byte[] body) {
        if (!path.startsWith("/api/")) {
            return List.of();
        }
        Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches())
                .max((a, b) -> Integer.compare(a.literals(), b.literals())).orElse(null);
        if (route == null) {
            return status == 404 ? List.of() : List.of("no path of the document matches " + path);
        }
        String verb = method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.path("paths").path(route.template()).path(verb);
        if (operation.isMissingNode()) {
            // A method the path does not offer: the registry's 405 (or 404 where it cannot tell) is not an operation.
            return status == 405 || status == 404 || verb.equals("head") || verb.equals("options") ? List.of()
                    : List.of(method + " is not an operation of " + route.template() + " but answered " + status);
        }
        String name = method + " " + route.template();
        JsonNode responses = operation.path("responses");
        String key = String.valueOf(status);
        JsonNode declared = responses.path(key);
        if (declared.isMissingNode()) {
            declared = responses.path(key.charAt(0) + "XX");
        }
        if (declared.isMissingNode()) {
            declared = responses.path("default");
        }
        if (declared.isMissingNode()) {
            return List.of(name + " does not declare status " + status);
        }
        if (body == null || body.length == 0 || contentType == null || contentType.isBlank()) {
            return List.of();
        }
        String media = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode content = declared.path("content");
        if (!content.has(media)) {
            return List.of(name + " " + status + " does not declare the media type " + media + " (declared: " + fieldNames(content) + ")");
        }
        if (!(media.equals("application/json") || media.endsWith("+json")) || !content.path(media).has("schema")) {
            return List.of();
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(name + " " + status + " " + media + ": the body is not JSON");
        }
        String pointer = "/paths/" + escape(route.template()) + "/" + verb + "/responses/" + declaredKey(responses, declared)
                + "/content/" + escape(media) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, this::schemaAt);
        List<String> faults = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            faults.add(name + " " + status + " " + media + ": " + error.getInstanceLocation() + " " + error.getMessage());
            if (faults.size() == 20) {
                break;
            }
        }
        return faults;
    }

    private Schema schemaAt(String pointer) {
        ObjectNode schema = document.at(pointer).deepCopy();
        schema.set("components", document.path("components"));
        return registry.getSchema(SchemaLocation.of("urn:registry:contract:" + pointer.hashCode()), schema);
    }

    private static String declaredKey(JsonNode responses, JsonNode declared) {
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue() == declared) {
                return escape(entry.getKey());
            }
        }
        throw new IllegalStateException("declared response not found");
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
